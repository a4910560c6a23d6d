import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { endOfShanghaiDay } from "@/lib/calendar/working-days";
import { chinaPublicHolidays } from "@/lib/calendar/china-public-holidays";
import { listCalendarDays, removeCalendarDay, setCalendarDay } from "@/lib/calendar/edit-calendar";
import { membersOfHeadedDepartments } from "@/lib/org/department-members";
import { advanceClock, now, resetClock } from "@/lib/workflow/clock";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { seedOpportunity } from "@/test/liaison-fixtures";
import { createRequirement } from "../requirements/create-requirement";
import { allocateLiaisonStage } from "./allocate-liaison-stage";
import { createLiaisonForm } from "./create-liaison-form";
import { getLiaisonForm } from "./get-liaison-form";
import { liaisonReport } from "./liaison-report";

const kinds = await dbKinds();
const DAY = 864e5;

describe.each(kinds)("liaison forms (CRM-8) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let seeded: Awaited<ReturnType<typeof seedOpportunity>>;
  let requirementId: string;
  const dept = async (code: string) => (await t.db.department.findUniqueOrThrow({ where: { code } })).id;
  const openTask = (instanceId: string | null) => t.db.task.findFirstOrThrow({ where: { instanceId: instanceId!, status: "open" } });
  const stagesOf = (formId: string) => t.db.liaisonStage.findMany({ where: { formId }, orderBy: [{ seq: "asc" }, { task: "asc" }], include: { department: { select: { code: true } } } });

  beforeAll(async () => {
    t = await erpTestDb(kind);
    seeded = await seedOpportunity(t.db, "常州星宇车灯股份有限公司", "OP900101");
    requirementId = (await createRequirement(t.db, await t.actor("sunli"), { opportunityId: seeded.opportunity.id, title: "车灯支架" })).id;
  });
  afterEach(() => resetClock());
  afterAll(async () => {
    await t?.close();
  });

  it("ships the 2026 and 2027 calendar and lets an administrator change a day, audited", async () => {
    const admin = await t.actor("admin");
    const rows = await listCalendarDays(t.db, admin, 2026);
    const shipped = chinaPublicHolidays().filter((d) => d.day.startsWith("2026"));
    expect(rows.map((r) => [r.day, r.kind, r.nameZh])).toEqual(shipped.map((d) => [d.day, d.kind, d.nameZh]));
    expect((await listCalendarDays(t.db, admin, 2027)).length).toBeGreaterThan(20);
    await setCalendarDay(t.db, admin, { day: "2027-12-31", kind: "holiday", nameZh: "公司年会" });
    await expect(setCalendarDay(t.db, admin, { day: "2027-12-31", kind: "holiday", nameZh: "公司年会" })).rejects.toMatchObject({ code: "validation" });
    await expect(setCalendarDay(t.db, await t.actor("sunli"), { day: "2027-12-30", kind: "holiday", nameZh: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setCalendarDay(t.db, admin, { day: "2027-13-40", kind: "holiday", nameZh: "x" })).rejects.toMatchObject({ code: "validation" });
    await removeCalendarDay(t.db, admin, "2027-12-31");
    expect(await t.db.auditLog.count({ where: { action: { in: ["calendar.day_set", "calendar.day_remove"] }, entityId: "2027-12-31" } })).toBe(2);
  });

  it("refuses a form without stages, with a bad deadline or an unknown department, changing nothing", async () => {
    const sunli = await t.actor("sunli");
    const before = await t.db.liaisonForm.count();
    await expect(createLiaisonForm(t.db, sunli, { requirementId, title: "空联络单", stages: [] })).rejects.toMatchObject({ code: "validation" });
    await expect(createLiaisonForm(t.db, sunli, { requirementId, title: "缺期限", stages: [{ seq: 1, departmentId: await dept("design"), task: "出图" }] })).rejects.toMatchObject({ fieldErrors: { stages: "validation.liaison_deadline" } });
    await expect(createLiaisonForm(t.db, sunli, { requirementId, title: "未知部门", stages: [{ seq: 1, departmentId: "00000000-0000-4000-8000-000000000001", task: "出图", deadlineDays: 2 }] })).rejects.toMatchObject({ fieldErrors: { "stages.0.departmentId": "validation.pick_from_list" } });
    await expect(createLiaisonForm(t.db, await t.actor("majun"), { requirementId, title: "别人的需求", stages: [{ seq: 1, departmentId: await dept("design"), task: "出图", deadlineDays: 2 }] })).rejects.toMatchObject({ fieldErrors: { requirementId: "validation.pick_from_list" } });
    expect(await t.db.liaisonForm.count()).toBe(before);
  });

  it("runs parallel then sequential stages: heads allocate, people answer, each clock exact on the working calendar", async () => {
    const sunli = await t.actor("sunli");
    const wumin = await t.actor("wumin");
    const chenjing = await t.actor("chenjing");
    const zhenghao = await t.actor("zhenghao");
    const form = await createLiaisonForm(t.db, sunli, {
      requirementId,
      title: "车灯支架打样联络",
      stages: [
        { seq: 1, departmentId: await dept("design"), task: "出 2D 图纸", deadlineDays: 3 },
        { seq: 1, departmentId: await dept("quality"), task: "确认检验标准", deadlineDate: "2099-01-01" },
        { seq: 2, departmentId: await dept("production"), task: "评估产能并排产", deadlineDays: 2 },
      ],
    });
    expect(form.code).toMatch(/^LF\d{6}$/);
    let [design, quality, production] = await stagesOf(form.id);
    expect([design.status, quality.status, production.status]).toEqual(["allocating", "allocating", "waiting"]);
    expect(quality.plannedFinishAt).toEqual(endOfShanghaiDay("2099-01-01"));
    expect(design.plannedFinishAt!.getTime()).toBeGreaterThan(design.startedAt!.getTime() + 3 * DAY - DAY);
    expect(production.startedAt).toBeNull();
    // Each head has the allocation task; only the head allocates, and only people of the department.
    expect((await openTask(design.instanceId)).assigneeId).toBe(wumin.id);
    await expect(allocateLiaisonStage(t.db, sunli, design.id, wumin.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(allocateLiaisonStage(t.db, wumin, design.id, sunli.id)).rejects.toMatchObject({ fieldErrors: { employeeId: "validation.liaison_assignee_not_in_department" } });
    await allocateLiaisonStage(t.db, wumin, design.id, wumin.id);
    await expect(allocateLiaisonStage(t.db, wumin, design.id, wumin.id)).rejects.toMatchObject({ code: "conflict" });
    // The quality head answers the inbox form, whose person picker offers the people of the departments they head:
    // someone else's is refused by the server (also through the API), a colleague is taken.
    const picks = await membersOfHeadedDepartments(t.db, chenjing.id);
    expect(picks[0].id).toBe(chenjing.id);
    expect(picks.map((p) => p.username)).toContain("yangfan");
    expect(picks.map((p) => p.id)).not.toContain(sunli.id);
    const qualityTask = (await openTask(quality.instanceId)).id;
    await expect(completeTask(t.db, chenjing, { taskId: qualityTask, data: { assigneeId: sunli.id } })).rejects.toMatchObject({ fieldErrors: { assigneeId: "validation.member_not_in_department" } });
    await expect(completeTask(t.db, chenjing, { taskId: qualityTask, data: { assigneeId: "yangfan" } })).rejects.toMatchObject({ fieldErrors: { assigneeId: "validation.invalid_value" } });
    await completeTask(t.db, chenjing, { taskId: qualityTask, data: { assigneeId: (await t.actor("yangfan")).id } });
    await drainJobs(t.db);
    [design, quality] = await stagesOf(form.id);
    expect([design.status, quality.status]).toEqual(["working", "working"]);
    expect((await openTask(quality.instanceId)).assigneeId).toBe((await t.actor("yangfan")).id);

    // Design answers; production still waits for quality.
    advanceClock(2 * 3600_000);
    const designTask = await openTask(design.instanceId);
    await completeTask(t.db, wumin, { taskId: designTask.id, data: { result: "图纸已出，图号 DWG-2201" } });
    advanceClock(10 * 60_000); // the job runs later: the clock still reads the answer's moment
    await drainJobs(t.db);
    [design, quality, production] = await stagesOf(form.id);
    const doneTask = await t.db.task.findUniqueOrThrow({ where: { id: designTask.id } });
    expect([design.status, design.result]).toEqual(["done", "图纸已出，图号 DWG-2201"]);
    expect(design.actualFinishAt).toEqual(doneTask.completedAt);
    expect(production.status).toBe("waiting");

    await completeTask(t.db, await t.actor("yangfan"), { taskId: (await openTask(quality.instanceId)).id, data: { result: "按 GB/T 2828.1 抽检" } });
    await drainJobs(t.db);
    [design, quality, production] = await stagesOf(form.id);
    expect(production.status).toBe("allocating");
    expect(production.startedAt).toEqual(quality.actualFinishAt);
    const page = await getLiaisonForm(t.db, zhenghao, form.id);
    expect(page.stages.find((s) => s.id === production.id)?.candidates.map((c) => c.name)).toEqual(["郑浩"]);
    await allocateLiaisonStage(t.db, zhenghao, production.id, zhenghao.id);
    await drainJobs(t.db);
    await completeTask(t.db, zhenghao, { taskId: (await openTask(production.instanceId)).id, data: { result: "下周一排产" } });
    await drainJobs(t.db);
    const done = await t.db.liaisonForm.findUniqueOrThrow({ where: { id: form.id } });
    expect(done.status).toBe("done");
    expect(await t.db.auditLog.count({ where: { action: "liaison.stage_done", entityId: { in: [design.id, quality.id, production.id] } } })).toBe(3);
  });

  it("reports every stage's standing, load per department and person, with filters; only for the report's readers", async () => {
    const sunli = await t.actor("sunli");
    const form = await createLiaisonForm(t.db, sunli, {
      opportunityId: seeded.opportunity.id,
      title: "逾期联络单",
      stages: [
        { seq: 1, departmentId: await dept("design"), task: "过期的设计评审", deadlineDate: "2020-01-01" },
        { seq: 1, departmentId: await dept("production"), task: "远期的产能评估", deadlineDate: "2099-12-31" },
      ],
    });
    const zhoujie = await t.actor("zhoujie");
    await expect(liaisonReport(t.db, sunli, {})).rejects.toMatchObject({ code: "forbidden" });
    const report = await liaisonReport(t.db, zhoujie, { opportunity: seeded.opportunity.id });
    const byTask = new Map(report.stages.map((s) => [s.task, s]));
    expect(byTask.get("过期的设计评审")?.due).toBe("overdue");
    expect(byTask.get("过期的设计评审")?.lateDays).toBeGreaterThan(1000);
    expect(byTask.get("远期的产能评估")?.due).toBe("on_time");
    expect(byTask.get("确认检验标准")?.due).toBe("on_time");
    const design = await dept("design");
    expect(report.departments.find((d) => d.id === design)).toMatchObject({ open: 1, overdue: 1 });
    const overdue = await liaisonReport(t.db, zhoujie, { opportunity: seeded.opportunity.id, due: "overdue" });
    expect(overdue.stages.map((s) => s.task)).toEqual(["过期的设计评审"]);
    expect((await liaisonReport(t.db, zhoujie, { department: design, customer: seeded.customer.id })).total).toBe(2);
    // Due soon: a stage planned for today's end is amber.
    const soon = await t.db.liaisonStage.findFirstOrThrow({ where: { formId: form.id, task: "远期的产能评估" } });
    await t.db.liaisonStage.update({ where: { id: soon.id }, data: { plannedFinishAt: new Date(now().getTime() + 60_000) } });
    expect((await liaisonReport(t.db, zhoujie, { due: "due_soon" })).stages.map((s) => s.task)).toEqual(["远期的产能评估"]);
    // Load per person after the allocation.
    const wumin = await t.actor("wumin");
    const stage = await t.db.liaisonStage.findFirstOrThrow({ where: { formId: form.id, task: "过期的设计评审" } });
    await allocateLiaisonStage(t.db, wumin, stage.id, wumin.id);
    await drainJobs(t.db);
    const after = await liaisonReport(t.db, zhoujie, { customer: seeded.customer.id });
    expect(after.people.find((p) => p.id === wumin.id)).toMatchObject({ open: 1, overdue: 1 });
    // The form page: seen by the customer's owner and the stage heads, not by another rep.
    expect((await getLiaisonForm(t.db, sunli, form.id)).stages).toHaveLength(2);
    await expect(getLiaisonForm(t.db, await t.actor("majun"), form.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
