import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReReview } from "@/lib/srm/re-review";
import { completeTask } from "@/lib/workflow/complete-task";
import { startByHand } from "@/lib/workflow/start-by-hand";
import { assignTask, claimTask } from "@/lib/workflow/task-actions";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { countTasks } from "./count-tasks";
import { listNotifications } from "./list-notifications";
import { listTasks } from "./list-tasks";

// What a buyer, a quality engineer and a supplier read in their notifications
// and inbox: the record each entry is about, and only what still waits for them.
const kinds = await dbKinds();

describe.each(kinds)("notifications and inbox name their record, on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
    // The demo purchase order's confirmation flow (started by a job).
    await drainJobs(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const requisition = async (title: string, amount: number) => {
    const started = await startByHand(t.db, await t.actor("lina"), { key: "purchase_requisition", data: { title, amount: String(amount) } });
    const task = await t.db.task.findFirstOrThrow({ where: { instanceId: started.id, status: "open" } });
    return { businessKey: started.businessKey!, task };
  };

  it("a staff notification carries the business key and subject, and leaves the unread count once the task is done", async () => {
    const lina = await t.actor("lina");
    const liuyang = await t.actor("liuyang");
    const { businessKey, task } = await requisition("液压油 20 升", 120);
    const forLina = await listNotifications(t.db, lina);
    const mine = forLina.items.find((n) => n.link === `/inbox/${task.id}`);
    expect(mine).toMatchObject({ kind: "task.offered", title: "采购部审核", businessKey, subject: "液压油 20 升", read: false, done: false });
    const unreadBefore = forLina.unread;
    expect(unreadBefore).toBeGreaterThan(0);

    await completeTask(t.db, liuyang, { taskId: task.id, data: { decision: "approve", comment: "同意" } });
    const after = await listNotifications(t.db, lina);
    expect(after.items.find((n) => n.link === `/inbox/${task.id}`)).toMatchObject({ businessKey, subject: "液压油 20 升", read: false, done: true });
    expect(after.unread).toBe(unreadBefore - 1);
    expect((await listNotifications(t.db, lina, { unreadOnly: true })).items.map((n) => n.link)).not.toContain(`/inbox/${task.id}`);
  });

  it("a task claimed or reassigned away leaves the others' unread count; the new holder's stays", async () => {
    const lina = await t.actor("lina");
    const liuyang = await t.actor("liuyang");
    const zhangwei = await t.actor("zhangwei");
    const { task } = await requisition("劳保手套", 120);
    const link = `/inbox/${task.id}`;
    const state = async (who: typeof lina) => (await listNotifications(t.db, who)).items.filter((n) => n.link === link).map((n) => n.done);
    expect([await state(lina), await state(liuyang)]).toEqual([[false], [false]]);
    await claimTask(t.db, liuyang, task.id);
    expect([await state(lina), await state(liuyang)]).toEqual([[true], [false]]);
    await assignTask(t.db, liuyang, { taskId: task.id, toEmployeeId: zhangwei.id, reason: "金额需经理确认", mode: "reassign" });
    expect([await state(liuyang), await state(zhangwei)]).toEqual([[true], [false]]);
  });

  it("a supplier's notification names the order and uses no staff wording; a review's names the supplier", async () => {
    const supplier1 = await supplierUser(t.db, "supplier1");
    const order = await t.db.purchaseOrder.findFirstOrThrow({ where: { supplier: { code: "S001" } } });
    const n = (await listNotifications(t.db, supplier1)).items.find((x) => x.businessKey === order.number);
    expect(n).toMatchObject({ kind: "task.new", businessKey: order.number, done: false });
    expect(n!.link).toMatch(/^\/portal\/tasks\//);

    const lead = await t.actor("liuyang");
    const s = await t.db.supplier.create({ data: { code: "S410", name: "无锡液压件有限公司", status: "potential" } });
    await t.db.storedFile.create({ data: { storageKey: randomUUID(), name: "营业执照.pdf", contentType: "application/pdf", size: 1, sha256: "x", ownerType: "Supplier", ownerId: s.id, supplierId: s.id, uploadedBy: lead.id, uploadRealm: "employee" } });
    await startReReview(t.db, lead, { supplierId: s.id, username: "s410", name: "周宁" });
    await drainJobs(t.db);
    const review = (await listNotifications(t.db, await t.actor("chenjing"))).items.find((x) => x.businessKey === "S410");
    expect(review).toMatchObject({ title: "供应商复核", subject: "无锡液压件有限公司", done: false });
  });

  it("the inbox's default view holds the buyer's group tasks and her own; search finds a word of the subject", async () => {
    const lina = await t.actor("lina");
    const { businessKey, task } = await requisition("液压站密封圈", 880);
    const todo = await listTasks(t.db, lina, { view: "todo" });
    expect(todo.query.view).toBe("todo");
    expect(todo.items.map((r) => r.id)).toContain(task.id);
    expect((await countTasks(t.db, lina, { view: "todo" })).total).toBe((await countTasks(t.db, lina, { view: "mine" })).total + (await countTasks(t.db, lina, { view: "group" })).total);

    for (const view of ["todo", "group"] as const) {
      const found = await listTasks(t.db, lina, { view, q: "密封圈" });
      expect(found.items.map((r) => r.businessKey)).toEqual([businessKey]);
      expect((await countTasks(t.db, lina, { view, q: "密封圈" })).total).toBe(1);
    }
    // The supplier's name finds its review, and the review's row shows it.
    const chenjing = await t.actor("chenjing");
    const byName = await listTasks(t.db, chenjing, { view: "todo", q: "无锡液压" });
    expect(byName.items.map((r) => [r.businessKey, r.subject])).toEqual([["S410", "无锡液压件有限公司"]]);
    // A supplier's search stays within its own tasks.
    const supplier2 = await supplierUser(t.db, "supplier2");
    expect((await listTasks(t.db, supplier2, { q: "PO-" })).items).toEqual([]);
  });
});
