import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { erpOrder, fakeErp } from "@/test/erp/erp-test-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { ingestDeliveryPlan } from "../erp/ingest-delivery-plan";
import { ingestPurchaseOrder } from "../erp/ingest-purchase-order";
import { getSupplierArchive } from "./get-supplier-archive";
import { listSuppliers } from "./list-suppliers";
import { parseSrmListQuery } from "./srm-lists.schema";
import { updateSupplier } from "./update-supplier";

const kinds = await dbKinds();
const S002 = { erpId: "party-s002", code: "S002", name: "宁波华东塑胶制品有限公司" };

function storedFile(ownerType: string, ownerId: string, supplierId: string, name: string) {
  return { storageKey: randomUUID(), name, contentType: "application/pdf", size: 2048, sha256: "x", ownerType, ownerId, supplierId, uploadedBy: "test", uploadRealm: "employee" as const };
}

describe.each(kinds)("the supplier archive on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let s1: { id: string };
  let s2: { id: string };
  beforeAll(async () => {
    t = await erpTestDb(kind);
    s1 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    s2 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S002" } });
    // S001 has the demo order (open, its confirmation task waits in the portal); S002 two ERP orders, one with a delivery.
    for (const n of [41, 42]) await ingestPurchaseOrder(t.db, erpOrder(n, S002));
    await ingestDeliveryPlan(t.db, fakeErp(), { erpId: "dp-42", orderErpId: "po-42", plannedDate: "2026-12-24", lines: [{ erpId: "m1", orderLineErpId: "pol-42-1", quantity: 60, plannedDate: "2026-12-24" }], writeAt: "2026-11-28T00:00:00.000Z" });
    // A licence on the supplier itself (srm.view may read it) and a file of a process the buyer has no part in.
    await t.db.storedFile.create({ data: storedFile("Supplier", s2.id, s2.id, "营业执照.pdf") });
    await t.db.storedFile.create({ data: storedFile("ProcessInstance", randomUUID(), s2.id, "别人的流程附件.pdf") });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists suppliers with their status and what is under way, filtered by status and by code, name or contact", async () => {
    const buyer = await t.actor("lina");
    const all = await listSuppliers(t.db, buyer, parseSrmListQuery({ tab: "suppliers" }));
    expect(all.rows.map((r) => r.code)).toEqual(["S001", "S002"]);
    expect(all.rows.find((r) => r.code === "S002")).toMatchObject({ status: "active", openOrders: 1, openDeliveries: 1, portalUsers: 1, contactName: "林晓" });
    expect(all.rows.find((r) => r.code === "S001")).toMatchObject({ openOrders: 1, openDeliveries: 0, portalUsers: 1 });
    expect((await listSuppliers(t.db, buyer, parseSrmListQuery({ tab: "suppliers", q: "林晓" }))).rows.map((r) => r.code)).toEqual(["S002"]);
    expect((await listSuppliers(t.db, buyer, parseSrmListQuery({ tab: "suppliers", q: "s001" }))).rows.map((r) => r.code)).toEqual(["S001"]);
    expect((await listSuppliers(t.db, buyer, parseSrmListQuery({ tab: "suppliers", status: "suspended" }))).total).toBe(0);
    // A status of another tab is no filter here.
    expect(parseSrmListQuery({ tab: "suppliers", status: "shipped" }).status).toBe("all");
  });

  it("shows one supplier's records and nothing of another's", async () => {
    const buyer = await t.actor("lina");
    const before = await t.db.supplier.findUniqueOrThrow({ where: { id: s2.id } });
    await updateSupplier(t.db, await t.actor("liuyang"), { ...before, contactPhone: "0574-0000 0000" });
    const a = await getSupplierArchive(t.db, buyer, s2.id);
    expect(a.supplier).toMatchObject({ code: "S002", status: "active", contactPhone: "0574-0000 0000" });
    expect(a.users.map((u) => u.username)).toEqual(["supplier2"]);
    expect(a.orders.total).toBe(2);
    expect(a.orders.rows.map((r) => r.number).sort()).toEqual(["PUR-00041", "PUR-00042"]);
    expect(a.orders.byStatus).toEqual({ open: 1, confirmed: 1 });
    expect(a.plans.rows.map((p) => p.number)).toEqual(["DP-PUR-00042-1"]);
    expect(a.plans.byStatus).toEqual({ planned: 1 });
    // The confirmation flow of order 41 waits for S002 in the portal.
    expect(a.openTasks.map((x) => x.businessKey)).toContain("PUR-00041");
    expect(a.instances.rows.every((i) => i.processKey)).toBe(true);
    expect(a.instances.total).toBeGreaterThanOrEqual(1);
    // Only the document the viewer may open.
    expect(a.files.map((f) => f.name)).toEqual(["营业执照.pdf"]);
    // The change just made, by whom.
    expect(a.history[0]).toMatchObject({ action: "supplier.update", actorName: "刘洋" });

    const other = await getSupplierArchive(t.db, buyer, s1.id);
    expect(other.orders.rows.every((r) => r.supplier.code === "S001")).toBe(true);
    expect(other.plans.rows).toEqual([]);
    expect(other.files).toEqual([]);
    expect(other.openTasks.map((x) => x.businessKey)).not.toContain("PUR-00041");
  });

  it("is for employees with srm.view; an unknown or malformed id is not found", async () => {
    await expect(getSupplierArchive(t.db, await t.actor("sunli"), s1.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getSupplierArchive(t.db, await supplierUser(t.db, "supplier2"), s2.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listSuppliers(t.db, await t.actor("sunli"), parseSrmListQuery({ tab: "suppliers" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getSupplierArchive(t.db, await t.actor("lina"), randomUUID())).rejects.toMatchObject({ code: "not_found" });
    await expect(getSupplierArchive(t.db, await t.actor("lina"), "../etc")).rejects.toMatchObject({ code: "not_found" });
  });
});
