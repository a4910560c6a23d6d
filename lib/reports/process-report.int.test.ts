import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeTask } from "@/lib/workflow/complete-task";
import { startByHand } from "@/lib/workflow/start-by-hand";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { getProcessReport } from "./process-report";

const kinds = await dbKinds();
const HOUR = 3_600_000;

describe.each(kinds)("the managers' process report, on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const at = new Date();
  beforeAll(async () => {
    t = await erpTestDb(kind);
    const lina = await t.actor("lina");
    const liuyang = await t.actor("liuyang");
    const start = async (title: string) => {
      const s = await startByHand(t.db, lina, { key: "purchase_requisition", data: { title, amount: "100" } });
      return { id: s.id, task: await t.db.task.findFirstOrThrow({ where: { instanceId: s.id, status: "open" } }) };
    };
    // Four requisitions: two approved within the last 30 days (2 h and 10 h from start to end),
    // one approved 40 days ago, one waiting with its review overdue, one stopped as an incident.
    const done = [await start("报表测试 A"), await start("报表测试 B"), await start("报表测试 C")];
    for (const r of done) await completeTask(t.db, liuyang, { taskId: r.task.id, data: { decision: "approve", comment: "ok" } });
    await drainJobs(t.db);
    const lead = [2, 10, 5];
    const endedAgo = [1 * 24 * HOUR, 3 * 24 * HOUR, 40 * 24 * HOUR];
    for (const [i, r] of done.entries()) {
      const endedAt = new Date(at.getTime() - endedAgo[i]);
      await t.db.processInstance.update({ where: { id: r.id }, data: { endedAt, startedAt: new Date(endedAt.getTime() - lead[i] * HOUR) } });
    }
    const waiting = await start("报表测试 D");
    await t.db.task.update({ where: { id: waiting.task.id }, data: { dueAt: new Date(at.getTime() - HOUR) } });
    const broken = await start("报表测试 E");
    await t.db.processInstance.update({ where: { id: broken.id }, data: { status: "incident", incident: "test", incidentCode: "engine_error" } });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("is for those with report.view", async () => {
    await expect(getProcessReport(t.db, await t.actor("lina"))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("per process: running, incidents, completed in 30 days, average and 90th-percentile lead time", async () => {
    const report = await getProcessReport(t.db, await t.actor("zhangwei"), at);
    expect(report.since.getTime()).toBe(at.getTime() - 30 * 24 * HOUR);
    const pr = report.processes.find((p) => p.key === "purchase_requisition");
    // The incident's review task is still open, so it counts as an incident, not as running.
    expect(pr).toMatchObject({ name: "采购申请审批", running: 1, incident: 1, completed: 2 });
    expect(pr!.avgLeadSeconds).toBeCloseTo(6 * 3600, 0);
    // percentile_cont over 2 h and 10 h: 2 + 0.9 * 8 = 9.2 h.
    expect(pr!.p90LeadSeconds).toBeCloseTo(9.2 * 3600, 0);
    // The demo order waits for its supplier: one running confirmation, none completed, no lead time.
    expect(report.processes.find((p) => p.key === "purchase_order_confirmation")).toMatchObject({ running: 1, incident: 0, completed: 0, avgLeadSeconds: null, p90LeadSeconds: null });
    // Every shipped process is listed, with or without instances.
    expect(report.processes.map((p) => p.key)).toEqual(expect.arrayContaining(["quality_issue", "supplier_delivery"]));
  });

  it("overdue open tasks per group, by the group's name", async () => {
    const report = await getProcessReport(t.db, await t.actor("zhangwei"), at);
    expect(report.overdue.groups).toEqual([{ key: "purchasing", nameZh: "采购组", nameEn: "Purchasing", overdue: 1 }]);
    expect(report.overdue.suppliers).toBe(0);
  });
});
