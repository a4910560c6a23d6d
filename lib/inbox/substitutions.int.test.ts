import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { advanceClock, resetClock } from "@/lib/workflow/clock";
import { completeTask } from "@/lib/workflow/complete-task";
import { publishDefinition } from "@/lib/workflow/publish-definition";
import { startInstance } from "@/lib/workflow/start-instance";
import { freshDb } from "@/test/db";
import { bpmn, employee, openTasks } from "@/test/workflow-fixtures";
import { cancelSubstitution } from "./cancel-substitution";
import { createSubstitution } from "./create-substitution";
import { listSubstitutions } from "./list-substitutions";
import { listTasks } from "./list-tasks";

// The manager approval goes to a named person (by username) through ff:assignee.
const XML = bpmn(
  "leave_test",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="t"/>
  <bpmn:userTask id="t" name="经理审批" ff:assignee="\${approver}" ff:formKey="approval"/>
  <bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const ymd = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);

describe("substitutes", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb("pglite");
    await seedDemo(opened.db);
    await publishDefinition(opened.db, SYSTEM, XML);
  });
  afterAll(async () => {
    resetClock();
    await opened?.close();
  });

  it("refuses bad periods: yourself, reversed, past, overlapping", async () => {
    const db = opened.db;
    const zhangwei = await employee(db, "zhangwei");
    const today = ymd(new Date());
    const tomorrow = ymd(new Date(Date.now() + 864e5));
    await expect(createSubstitution(db, zhangwei, { substituteId: zhangwei.id, startsOn: today, endsOn: today, reason: null })).rejects.toMatchObject({ fieldErrors: { substituteId: "inbox.validation.notYourself" } });
    const chenjing = await employee(db, "chenjing");
    await expect(createSubstitution(db, zhangwei, { substituteId: chenjing.id, startsOn: tomorrow, endsOn: today, reason: null })).rejects.toMatchObject({ fieldErrors: { endsOn: "inbox.validation.endBeforeStart" } });
    await expect(createSubstitution(db, zhangwei, { substituteId: chenjing.id, startsOn: "2020-01-01", endsOn: "2020-01-02", reason: null })).rejects.toMatchObject({ fieldErrors: { endsOn: "inbox.validation.inPast" } });
    const s = await createSubstitution(db, zhangwei, { substituteId: chenjing.id, startsOn: tomorrow, endsOn: tomorrow, reason: null });
    await expect(createSubstitution(db, zhangwei, { substituteId: chenjing.id, startsOn: today, endsOn: tomorrow, reason: null })).rejects.toMatchObject({ fieldErrors: { startsOn: "inbox.validation.overlap" } });
    await expect(cancelSubstitution(db, chenjing, s.id)).rejects.toMatchObject({ code: "not_found" });
    await cancelSubstitution(db, zhangwei, s.id);
    expect((await listSubstitutions(db, zhangwei)).mine.map((r) => r.state)).toEqual(["cancelled"]);
  });

  it("a task assigned to someone away lands on the substitute, with substituteFor set; after cancelling, on the person again", async () => {
    const db = opened.db;
    const zhangwei = await employee(db, "zhangwei");
    const zhoujie = await employee(db, "zhoujie");
    const today = ymd(new Date());
    const sub = await createSubstitution(db, zhangwei, { substituteId: zhoujie.id, startsOn: today, endsOn: ymd(new Date(Date.now() + 3 * 864e5)), reason: "出差" });
    expect((await listSubstitutions(db, zhoujie)).covering.map((r) => [r.otherName, r.state, r.reason])).toEqual([["张伟", "current", "出差"]]);
    expect(await db.auditLog.count({ where: { entity: "Substitution", entityId: sub.id, action: "substitution.create" } })).toBe(1);

    const lina = await employee(db, "lina");
    const inst = await startInstance(db, lina, { key: "leave_test", variables: { approver: "zhangwei" } });
    const [task] = await openTasks(db, inst.id);
    expect(task).toMatchObject({ assigneeId: zhoujie.id, substituteFor: zhangwei.id });
    expect((await listTasks(db, zhoujie, { view: "mine" })).items.map((t) => t.id)).toContain(task.id);
    expect((await listTasks(db, zhangwei, { view: "mine" })).items.map((t) => t.id)).not.toContain(task.id);
    const notified = await db.notification.findFirst({ where: { recipientId: zhoujie.id, link: `/inbox/${task.id}` } });
    expect(notified).not.toBeNull();
    await completeTask(db, zhoujie, { taskId: task.id, data: { decision: "approve" } });

    // Periods end on their own too: past the last day, tasks go to the person again.
    advanceClock(5 * 864e5);
    const later = await startInstance(db, lina, { key: "leave_test", variables: { approver: "zhangwei" } });
    expect((await openTasks(db, later.id))[0]).toMatchObject({ assigneeId: zhangwei.id, substituteFor: null });
    resetClock();

    await cancelSubstitution(db, zhangwei, sub.id);
    const again = await startInstance(db, lina, { key: "leave_test", variables: { approver: "zhangwei" } });
    expect((await openTasks(db, again.id))[0]).toMatchObject({ assigneeId: zhangwei.id, substituteFor: null });
  });
});
