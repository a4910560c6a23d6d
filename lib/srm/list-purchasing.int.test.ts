import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { erpOrder, fakeErp } from "@/test/erp/erp-test-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { ingestDeliveryPlan } from "../erp/ingest-delivery-plan";
import { ingestPurchaseOrder } from "../erp/ingest-purchase-order";
import { listDeliveryPlans, listPurchaseOrders } from "./list-purchasing";
import { parseSrmListQuery } from "./srm-lists.schema";

const kinds = await dbKinds();
const S002 = { erpId: "party-s002", code: "S002", name: "宁波华东塑胶制品有限公司" };

describe.each(kinds)("the purchasing overview's lists on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const erp = fakeErp();
  beforeAll(async () => {
    t = await erpTestDb(kind);
    // The demo order for S001 is there (open); two ERP orders for S002, one with a delivery.
    for (const n of [41, 42]) await ingestPurchaseOrder(t.db, erpOrder(n, S002));
    await ingestDeliveryPlan(t.db, erp, { erpId: "dp-42", orderErpId: "po-42", plannedDate: "2026-12-24", lines: [{ erpId: "m1", orderLineErpId: "pol-42-1", quantity: 60, plannedDate: "2026-12-24" }], writeAt: "2026-11-28T00:00:00.000Z" });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists orders newest first, filtered by status and by number or supplier", async () => {
    const buyer = await t.actor("lina");
    const all = await listPurchaseOrders(t.db, buyer, parseSrmListQuery({}));
    expect(all.total).toBe(3);
    // Order 42 has a delivery planned in the ERP, so it counts as confirmed there.
    expect(all.rows.find((r) => r.number === "PUR-00042")).toMatchObject({ supplier: { code: "S002" }, status: "confirmed", quantities: [{ unit: { code: "PCS", nameZh: "件", nameEn: "pcs" }, ordered: 100, confirmed: null, received: 0 }], deliveries: 1, lines: 1 });
    expect((await listPurchaseOrders(t.db, buyer, parseSrmListQuery({ status: "open", q: "S002" }))).rows.map((r) => r.number)).toEqual(["PUR-00041"]);
    expect((await listPurchaseOrders(t.db, buyer, parseSrmListQuery({ q: "华东" }))).rows.map((r) => r.number).sort()).toEqual(["PUR-00041", "PUR-00042"]);
    expect((await listPurchaseOrders(t.db, buyer, parseSrmListQuery({ q: "pur-00041" }))).rows.map((r) => r.number)).toEqual(["PUR-00041"]);
    expect((await listPurchaseOrders(t.db, buyer, parseSrmListQuery({ status: "received" }))).total).toBe(0);
    // A hand-edited address falls back to the defaults.
    expect(parseSrmListQuery({ tab: "nope", status: "shipped", page: "-3" })).toEqual({ tab: "orders", status: "all", q: "", page: 1, cf: {} });
  });

  it("lists delivery plans with their order, quantity and status", async () => {
    const list = await listDeliveryPlans(t.db, await t.actor("zhaoqiang"), parseSrmListQuery({ tab: "deliveries", status: "planned" }));
    expect(list.rows).toMatchObject([{ number: "DP-PUR-00042-1", orderNumber: "PUR-00042", supplier: { code: "S002" }, status: "planned", quantities: [{ unit: { code: "PCS", nameZh: "件", nameEn: "pcs" }, quantity: 60 }], receipts: [], revision: 1 }]);
    expect((await listDeliveryPlans(t.db, await t.actor("zhaoqiang"), parseSrmListQuery({ tab: "deliveries", status: "shipped" }))).total).toBe(0);
  });

  it("is for employees with srm.view only", async () => {
    await expect(listPurchaseOrders(t.db, await t.actor("sunli"), parseSrmListQuery({}))).rejects.toMatchObject({ code: "forbidden" });
    await expect(listDeliveryPlans(t.db, await supplierUser(t.db, "supplier2"), parseSrmListQuery({ tab: "deliveries" }))).rejects.toMatchObject({ code: "forbidden" });
  });
});
