import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createPurchaseOrder } from "@/lib/srm/create-purchase-order";
import { runDueJobs } from "@/lib/workflow/jobs/worker";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";

// The confirmation flow of an order and the order's link to it commit together: a
// process that dies between the two (here: the link write fails, as a power cut would
// stop it) leaves no flow its order does not know. Before, the flow was committed first
// and the re-run, finding the order confirmed meanwhile, never linked it.
function linkWritesFail(db: Db): Db {
  const failing = <T extends object>(models: T): T =>
    new Proxy(models, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === "purchaseOrder" || prop === "deliveryPlan") {
          return new Proxy(value as object, {
            get(model, method) {
              if (method === "updateMany") return async () => Promise.reject(new Error("power cut"));
              const m = Reflect.get(model, method, model);
              return typeof m === "function" ? m.bind(model) : m;
            },
          });
        }
        if (prop === "$transaction") return (fn: (tx: unknown) => unknown, opts?: unknown) => (target as Db).$transaction((tx) => fn(failing(tx)) as never, opts as never);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return failing(db);
}

describe.each(await dbKinds())("an order's flow and its link on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(() => t?.close());

  it("a start whose link cannot be written leaves no flow; the retried job starts and links it", async () => {
    const lina = await t.actor("lina");
    const s001 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    const po = await createPurchaseOrder(linkWritesFail(t.db), lina, { supplierId: s001.id, currencyCode: "CNY", lines: [{ productCode: "P-1001", quantity: 500, unitPrice: 0.35 }] });
    expect(po.instanceId).toBeNull();
    expect(await t.db.processInstance.count({ where: { recordType: "PurchaseOrder", recordId: po.id } })).toBe(0);

    // The job is retried (after its back-off) by a healthy worker: one flow, linked.
    await runDueJobs(t.db, { at: new Date(Date.now() + 60_000) });
    const instances = await t.db.processInstance.findMany({ where: { recordType: "PurchaseOrder", recordId: po.id }, select: { id: true } });
    expect(instances).toHaveLength(1);
    expect((await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).instanceId).toBe(instances[0].id);
  });
});
