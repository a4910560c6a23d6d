import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { employee, supplierUser } from "@/test/workflow-fixtures";
import { cancelInstance } from "./cancel-instance";
import { startByHand } from "./start-by-hand";
import { syncShippedProcesses } from "./sync-shipped-processes";

// Who may start a process is one rule, declared per process (ff:candidateStarterGroups)
// and checked where the instance is made: the start page, its action and the REST API
// all call startByHand. A start sent twice with one key makes one instance.
describe.each(await dbKinds())("starting a process by hand on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let s001: string;
  const db = () => opened.db;
  const requisition = (n: number) => ({ key: "purchase_requisition", data: { title: `劳保手套 ${n}`, amount: 120 } });

  beforeAll(async () => {
    opened = await freshDb(kind);
    await syncShippedProcesses(opened.db);
    await seedDemo(opened.db);
    s001 = (await opened.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
  });
  afterAll(() => opened?.close());

  it("refuses processes the caller is not a declared starter of, and makes nothing", async () => {
    const sunli = await employee(db(), "sunli");
    const before = await db().processInstance.count();
    // Started by the system only (ERP orders): no employee may start it, whatever data he sends.
    await expect(startByHand(db(), sunli, { key: "purchase_order_confirmation", supplierId: s001, data: {} })).rejects.toMatchObject({ code: "process_not_startable" });
    // Declared for quality, purchasing and warehouse: sales may not.
    await expect(startByHand(db(), sunli, { key: "quality_issue", data: { supplierId: s001, title: "x", description: "y" } })).rejects.toMatchObject({ code: "process_not_startable" });
    await expect(startByHand(db(), await supplierUser(db(), "supplier1"), requisition(1))).rejects.toMatchObject({ code: "forbidden" });
    await expect(startByHand(db(), null, requisition(1))).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await db().processInstance.count()).toBe(before);
    expect(await db().task.count({ where: { candidateSupplierId: s001, status: "open", instance: { startedBy: sunli.id } } })).toBe(0);
  });

  it("lets every employee start a requisition and a quality member a quality issue", async () => {
    const r = await startByHand(db(), await employee(db(), "sunli"), requisition(2));
    expect(r).toMatchObject({ status: "running", replayed: false, businessKey: expect.stringMatching(/^PR-\d{8}-\d{4}$/) });
    const q = await startByHand(db(), await employee(db(), "chenjing"), { key: "quality_issue", data: { supplierId: s001, title: "毛刺", description: "孔口毛刺" } });
    expect((await db().processInstance.findUniqueOrThrow({ where: { id: q.id } })).supplierId).toBe(s001);
  });

  it("validates what the caller claims: the supplier, and the business key's form", async () => {
    const chenjing = await employee(db(), "chenjing");
    const s002 = (await db().supplier.findUniqueOrThrow({ where: { code: "S002" } })).id;
    // The instance's supplier is the one the form names; another one in the request is refused.
    await expect(startByHand(db(), chenjing, { key: "quality_issue", supplierId: s002, data: { supplierId: s001, title: "x", description: "y" } })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { supplierId: "validation.invalid_value" },
    });
    // A requisition concerns no supplier: naming one is refused, not stored.
    await expect(startByHand(db(), await employee(db(), "lina"), { ...requisition(3), supplierId: s001 })).rejects.toMatchObject({ code: "validation" });
    await db().supplier.update({ where: { id: s002 }, data: { status: "suspended" } });
    await expect(startByHand(db(), chenjing, { key: "quality_issue", data: { supplierId: s002, title: "x", description: "y" } })).rejects.toMatchObject({ code: "validation" });
    await db().supplier.update({ where: { id: s002 }, data: { status: "active" } });
    for (const bad of ["", " ", "a b", "<script>", "x".repeat(101), "\u0000PR"]) {
      await expect(startByHand(db(), SYSTEM, { ...requisition(4), businessKey: bad }), JSON.stringify(bad)).rejects.toMatchObject({ code: "validation" });
    }
  });

  it("a start sent twice with one key (a retry, a double click) makes one instance; others' keys are theirs", async () => {
    const lina = await employee(db(), "lina");
    const first = await startByHand(db(), lina, { ...requisition(5), startKey: "retry-1" });
    const again = await startByHand(db(), lina, { ...requisition(5), startKey: "retry-1" });
    expect(again).toMatchObject({ id: first.id, replayed: true, businessKey: first.businessKey });
    // Five at the same moment: one winner, four answers naming it.
    const burst = await Promise.all(Array.from({ length: 5 }, () => startByHand(db(), lina, { ...requisition(6), startKey: "burst-1" })));
    expect(new Set(burst.map((b) => b.id)).size).toBe(1);
    expect(burst.filter((b) => !b.replayed)).toHaveLength(1);
    expect(await db().processInstance.count({ where: { startKey: { endsWith: ":burst-1" } } })).toBe(1);
    // The same key from someone else is his own start.
    const other = await startByHand(db(), await employee(db(), "liuyang"), { ...requisition(5), startKey: "retry-1" });
    expect(other.id).not.toBe(first.id);
    // The same key for another process is a mistake, not a retry.
    await expect(startByHand(db(), lina, { key: "quality_issue", startKey: "retry-1", data: { supplierId: s001, title: "x", description: "y" } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a business key serves one requisition (the process says so): the second start is refused until the first is cancelled", async () => {
    const first = await startByHand(db(), SYSTEM, { ...requisition(7), businessKey: "EXT-4711" });
    await expect(startByHand(db(), SYSTEM, { ...requisition(7), businessKey: "EXT-4711" })).rejects.toMatchObject({ code: "business_key_taken", params: { key: "EXT-4711" } });
    const both = await Promise.allSettled([startByHand(db(), SYSTEM, { ...requisition(8), businessKey: "EXT-4712" }), startByHand(db(), SYSTEM, { ...requisition(8), businessKey: "EXT-4712" })]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().processInstance.count({ where: { businessKey: "EXT-4712" } })).toBe(1);
    await cancelInstance(db(), await employee(db(), "admin"), { id: first.id, reason: "录入错误" });
    await expect(startByHand(db(), SYSTEM, { ...requisition(7), businessKey: "EXT-4711" })).resolves.toMatchObject({ status: "running" });
  });
});
