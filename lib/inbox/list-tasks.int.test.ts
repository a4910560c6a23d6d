import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { completeTask } from "@/lib/workflow/complete-task";
import { syncShippedProcesses } from "@/lib/workflow/sync-shipped-processes";
import { claimTask } from "@/lib/workflow/task-actions";
import { dbKinds, freshDb } from "@/test/db";
import { employee, openTasks, supplierUser } from "@/test/workflow-fixtures";
import { countOpenTasks } from "./count-open-tasks";
import { getTaskDetail } from "./get-task-detail";
import { listStartableProcesses } from "./list-startable-processes";
import { listTasks } from "./list-tasks";
import { startByHand as startProcess } from "@/lib/workflow/start-by-hand";
import { submitTaskForm } from "./submit-task-form";

const kinds = await dbKinds();

describe.each(kinds)("inbox lists and task pages on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let s001: string, s002: string;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await syncShippedProcesses(opened.db);
    s001 = (await opened.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
    s002 = (await opened.db.supplier.findUniqueOrThrow({ where: { code: "S002" } })).id;
  });
  afterAll(async () => {
    await opened?.close();
  });

  const db = () => opened.db;
  const pr = async (title: string, amount = 80000) => startProcess(db(), await employee(db(), "lina"), { key: "purchase_requisition", data: { title, amount: String(amount) } });
  const qi = async (supplierId: string, title: string) =>
    startProcess(db(), await employee(db(), "chenjing"), { key: "quality_issue", data: { supplierId, title, description: "毛刺超标" } });

  it("lists the shipped processes as startable, with their start forms", async () => {
    const list = await listStartableProcesses(db(), await employee(db(), "chenjing"));
    expect(list.map((p) => [p.key, p.form.key])).toEqual([
      ["purchase_requisition", "purchase_requisition_start"],
      ["quality_issue", "quality_issue_start"],
    ]);
    // Sales may raise a requisition (every employee may) but not a quality issue (quality, purchasing, warehouse).
    expect((await listStartableProcesses(db(), await employee(db(), "sunli"))).map((p) => p.key)).toEqual(["purchase_requisition"]);
  });

  it("validates the start form on the server and refuses an unknown supplier", async () => {
    const lina = await employee(db(), "lina");
    await expect(startProcess(db(), lina, { key: "purchase_requisition", data: { amount: "abc" } })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { title: expect.any(String), amount: expect.any(String) },
    });
    await expect(startProcess(db(), lina, { key: "no_such_process", data: {} })).rejects.toMatchObject({ code: "process_not_found" });
    await expect(
      startProcess(db(), await employee(db(), "chenjing"), { key: "quality_issue", data: { supplierId: "00000000-0000-4000-8000-000000000000", title: "x", description: "y" } }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { supplierId: "validation.invalid_value" } });
    await expect(startProcess(db(), await supplierUser(db(), "supplier1"), { key: "purchase_requisition", data: {} })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an employee sees group tasks only for their own groups; mine, started and done follow the actor", async () => {
    const started = await pr("办公电脑 10 台");
    expect(started.businessKey).toMatch(/^PR-\d{8}-\d{4}$/);
    const q = { q: started.businessKey };
    const view = async (username: string, v: "mine" | "group" | "started" | "done") => (await listTasks(db(), await employee(db(), username), { ...q, view: v })).items;

    expect((await view("liuyang", "group")).map((t) => t.name)).toEqual(["采购部审核"]);
    expect(await view("zhangwei", "group")).toEqual([]);
    expect(await view("chenjing", "group")).toEqual([]);
    expect((await view("lina", "started")).map((t) => t.name)).toEqual(["采购部审核"]);
    const [row] = await view("liuyang", "group");
    expect(row).toMatchObject({ businessKey: started.businessKey, subject: "办公电脑 10 台", processKey: "purchase_requisition", dueState: "ontime", assigneeName: null });

    const liuyang = await employee(db(), "liuyang");
    await claimTask(db(), liuyang, row.id);
    expect(await view("liuyang", "group")).toEqual([]);
    expect((await view("liuyang", "mine")).map((t) => t.assigneeName)).toEqual(["刘洋"]);
    expect(await view("lina", "mine")).toEqual([]);

    await submitTaskForm(db(), liuyang, { taskId: row.id, data: { decision: "approve" } });
    expect((await view("liuyang", "done")).map((t) => t.name)).toEqual(["采购部审核"]);
    const mgmt = await view("zhangwei", "group");
    expect(mgmt.map((t) => [t.name, t.dueState])).toEqual([["总经理审批", "soon"]]);
    expect(await view("lina", "group")).toEqual([]);
    expect(await view("liuyang", "group")).toEqual([]);
  });

  it("a rejection needs a reason", async () => {
    const started = await pr("需要驳回的申请");
    const [task] = await openTasks(db(), started.id);
    const liuyang = await employee(db(), "liuyang");
    await expect(submitTaskForm(db(), liuyang, { taskId: task.id, data: { decision: "reject", comment: "  " } })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { comment: "inbox.validation.reasonRequired" },
    });
    await submitTaskForm(db(), liuyang, { taskId: task.id, data: { decision: "reject", comment: "预算不足" } });
    expect((await db().processInstance.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("completed");
  });

  it("a supplier sees only its own supplier's tasks, in the list and by id", async () => {
    const one = await qi(s001, "S001 批次毛刺");
    const two = await qi(s002, "S002 注塑缩水");
    const [t1] = await openTasks(db(), one.id);
    const [t2] = await openTasks(db(), two.id);
    const supplier1 = await supplierUser(db(), "supplier1");
    const supplier2 = await supplierUser(db(), "supplier2");

    const ids1 = (await listTasks(db(), supplier1, { view: "mine" })).items.map((t) => t.id);
    expect(ids1).toContain(t1.id);
    expect(ids1).not.toContain(t2.id);
    // Whatever view a supplier asks for, it stays inside its tenant.
    for (const v of ["group", "started", "done", "mine"]) {
      const items = (await listTasks(db(), supplier2, { view: v })).items;
      expect(items.map((t) => t.id)).not.toContain(t1.id);
    }
    expect((await countOpenTasks(db(), supplier1)).mine).toBeGreaterThanOrEqual(1);

    await expect(getTaskDetail(db(), supplier2, t1.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getTaskDetail(db(), await employee(db(), "sunli"), t1.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getTaskDetail(db(), supplier1, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });

    const detail = await getTaskDetail(db(), supplier1, t1.id);
    expect(detail.can.complete).toBe(true);
    expect(detail.form?.key).toBe("supplier_corrective_action");
    expect(detail.history).toEqual([]);
    expect(detail.comments).toEqual([]);
    expect(detail.diagram).toBeNull();
    expect(detail.instance.startedByName).toBeNull();
    expect(detail.context.map((c) => [c.name, c.value.kind === "text" ? c.value.zh : c.value])).toEqual(
      expect.arrayContaining([
        ["supplierId", "苏州精密五金有限公司"],
        ["title", "S001 批次毛刺"],
      ]),
    );
    expect(detail.context.map((c) => c.name)).not.toContain("initiator");

    await completeTask(db(), supplier1, { taskId: t1.id, data: { rootCause: "模具磨损", correctiveAction: "更换模具", effectiveFrom: "2026-12-01" } });
    const chenjing = await employee(db(), "chenjing");
    const verify = (await listTasks(db(), chenjing, { view: "group", q: one.businessKey })).items;
    expect(verify.map((t) => t.name)).toEqual(["质量部验证"]);
    const staffView = await getTaskDetail(db(), chenjing, verify[0].id);
    expect(staffView.instance.startedByName).toBe("陈静");
    expect(staffView.diagram?.current).toEqual(["quality_verify"]);
    expect(staffView.diagram?.completed).toEqual(expect.arrayContaining(["start", "supplier_response"]));
    expect(staffView.history.map((h) => h.type)).toEqual(["instance.started", "variables.changed", "task.created", "task.completed", "variables.changed", "task.created"]);
    expect(staffView.history[3].actorName).toBe("钱峰 · 苏州精密五金有限公司");
    // In the form's order, labelled and formatted (a date reads as a date).
    expect(staffView.history[4].changes?.map((c) => [c.name, c.labelZh, c.before.zh, c.after.zh])).toEqual([
      ["rootCause", "原因分析", "", "模具磨损"],
      ["correctiveAction", "纠正措施", "", "更换模具"],
      ["effectiveFrom", "措施生效日期", "", "2026年12月1日"],
    ]);
    expect(staffView.history[5].assignedTo).toEqual({ zh: "质检组", en: "Quality" });
    expect(staffView.context.map((c) => c.name)).toEqual(expect.arrayContaining(["rootCause", "correctiveAction"]));
  });

  it("counts the open tasks for the home card", async () => {
    const counts = await countOpenTasks(db(), await employee(db(), "zhangwei"));
    expect(counts.group).toBeGreaterThanOrEqual(1);
    expect(counts.mine).toBe(0);
  });
});
