import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMasterData } from "@/lib/erp/save-master-data";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { erpOrder, fakeErp } from "@/test/erp/erp-test-kit";
import { ingestDeliveryPlan } from "../erp/ingest-delivery-plan";
import { ingestPurchaseOrder } from "../erp/ingest-purchase-order";
import { getSupplierArchive } from "./get-supplier-archive";
import { listDeliveryPlans, listPurchaseOrders } from "./list-purchasing";
import { parseSrmListQuery } from "./srm-lists.schema";

const kinds = await dbKinds();
const S002 = { erpId: "party-s002", code: "S002", name: "宁波华东塑胶制品有限公司" };

/*
 * Bolts counted in pieces and sheet steel weighed in kilograms on one order:
 * the lists show one figure per unit, with the unit's name from the master
 * data, and never add the two together.
 */
describe.each(kinds)("quantities per unit on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
    const order = erpOrder(51, S002);
    order.lines = [
      { erpId: "pol-51-1", lineNo: 1, productCode: "P-1001", description: "不锈钢六角螺栓 M8×30", quantity: 5000, unitCode: "PCS", unitPrice: 0.35, requestedDate: null },
      { erpId: "pol-51-2", lineNo: 2, productCode: "P-3001", description: "冷轧钢板 1.5mm", quantity: 800, unitCode: "KG", unitPrice: 6.1, requestedDate: null },
      { erpId: "pol-51-3", lineNo: 3, productCode: "P-1002", description: "铝合金散热片 60×40", quantity: 600, unitCode: "PCS", unitPrice: 4.2, requestedDate: null },
      { erpId: "pol-51-4", lineNo: 4, productCode: "X-1", description: "未建档单位", quantity: 3, unitCode: "BOX", unitPrice: 1, requestedDate: null },
    ];
    await ingestPurchaseOrder(t.db, order);
    await ingestDeliveryPlan(t.db, fakeErp(), {
      erpId: "dp-51",
      orderErpId: "po-51",
      plannedDate: "2026-12-24",
      lines: [
        { erpId: "m1", orderLineErpId: "pol-51-1", quantity: 2000, plannedDate: null },
        { erpId: "m2", orderLineErpId: "pol-51-2", quantity: 300, plannedDate: null },
        { erpId: "m3", orderLineErpId: "pol-51-3", quantity: 100, plannedDate: null },
      ],
      writeAt: "2026-11-28T00:00:00.000Z",
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("an order's ordered, confirmed and received quantities are per unit, named from the master data in both languages", async () => {
    const row = (await listPurchaseOrders(t.db, await t.actor("lina"), parseSrmListQuery({ q: "PUR-00051" }))).rows[0];
    expect(row.quantities).toEqual([
      { unit: { code: "PCS", nameZh: "件", nameEn: "pcs" }, ordered: 5600, confirmed: null, received: 0 },
      { unit: { code: "KG", nameZh: "千克", nameEn: "kg" }, ordered: 800, confirmed: null, received: 0 },
      // A unit the master data does not know shows as its code, never as nothing.
      { unit: { code: "BOX", nameZh: "BOX", nameEn: "BOX" }, ordered: 3, confirmed: null, received: 0 },
    ]);
    expect(row).not.toHaveProperty("ordered");

    // A maintained English name wins over the symbol.
    await saveMasterData(t.db, await t.actor("admin"), { kind: "unit", code: "KG", name: "千克", attrs: { symbol: "kg", nameEn: "kilograms" } });
    const again = (await listPurchaseOrders(t.db, await t.actor("lina"), parseSrmListQuery({ q: "PUR-00051" }))).rows[0];
    expect(again.quantities[1].unit).toEqual({ code: "KG", nameZh: "千克", nameEn: "kilograms" });
  });

  it("a delivery plan's quantities are per unit as well, also in the supplier archive", async () => {
    const plans = await listDeliveryPlans(t.db, await t.actor("zhaoqiang"), parseSrmListQuery({ tab: "deliveries", q: "PUR-00051" }));
    expect(plans.rows[0].quantities.map((q) => [q.unit.nameZh, q.quantity])).toEqual([["件", 2100], ["千克", 300]]);
    const s002 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S002" } });
    const archive = await getSupplierArchive(t.db, await t.actor("lina"), s002.id);
    expect(archive.orders.rows.find((o) => o.number === "PUR-00051")!.quantities.map((q) => [q.unit.code, q.ordered])).toEqual([["PCS", 5600], ["KG", 800], ["BOX", 3]]);
    expect(archive.plans.rows.find((p) => p.orderNumber === "PUR-00051")!.quantities.map((q) => [q.unit.code, q.quantity])).toEqual([["PCS", 2100], ["KG", 300]]);
  });
});
