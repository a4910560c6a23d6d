// The built-in connector's "ERP side": its master data are the app's own tables and
// its write-backs the IntegrationLedger, so the peer reads those.
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/client";
import type { GoodsReceiptInput, PartyInput, PurchaseConfirmationInput } from "@/lib/erp/connector";
import { createPurchaseOrder } from "@/lib/srm/create-purchase-order";
import type { ErpPeer, PeerParty, PeerPurchase, PeerReceipt } from "./erp-peer";

type Entry<T> = { erpId: string; input: T };

export function createBuiltinPeer(db: Db): ErpPeer {
  const ledger = async <T>(handler: string, where: object = {}) =>
    (await db.integrationLedger.findMany({ where: { handler, ...where }, orderBy: { createdAt: "asc" } })).map((r) => r.payload as unknown as Entry<T>);

  return {
    kind: "builtin",
    async unavailable() {
      return null;
    },
    connection() {
      return { kind: "builtin" };
    },
    async prepare() {
      const md = [
        { kind: "currency" as const, code: "CNY", name: "人民币" },
        { kind: "unit" as const, code: "PCS", name: "件" },
        { kind: "warehouse" as const, code: "WH01", name: "总仓" },
        { kind: "paymentTerm" as const, code: "NET30", name: "30 days" },
        { kind: "paymentTerm" as const, code: "NET60", name: "60 days" },
        { kind: "tax" as const, code: "VAT13", name: "VAT 13%", attrs: { rate: 0.13, type: "percentage" } },
        { kind: "tax" as const, code: "VAT6", name: "VAT 6%", attrs: { rate: 0.06, type: "percentage" } },
      ];
      for (const m of md) await db.masterData.upsert({ where: { kind_code: { kind: m.kind, code: m.code } }, create: { ...m, attrs: m.attrs ?? {} }, update: {} });
      await db.product.upsert({ where: { code: "P-CONF-1" }, create: { code: "P-CONF-1", name: "Conformance part", unitCode: "PCS" }, update: {} });
      return { paymentTerms: { "30 days": "NET30", "60 days": "NET60" }, taxes: { "VAT 13%": "VAT13", "VAT 6%": "VAT6" }, productCode: "P-CONF-1", warehouseErpId: "WH01" };
    },
    async findParty(code): Promise<PeerParty | null> {
      const rows = await ledger<PartyInput>("erp.upsertParty", { businessKey: code });
      const last = rows.at(-1);
      return last ? { erpId: last.erpId, code: last.input.code, name: last.input.name, paymentTermErpId: last.input.paymentTermErpId, address: last.input.address } : null;
    },
    async createPurchaseOrder(input) {
      // Built in, the buyer enters the order in the app.
      const supplier = await db.supplier.findUniqueOrThrow({ where: { code: input.supplierCode } });
      const buyer = await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: "liuyang" } })).id, db);
      const po = await createPurchaseOrder(db, buyer!, { supplierId: supplier.id, lines: input.lines.map((l) => ({ productCode: l.productCode, quantity: l.quantity, unitPrice: l.unitPrice })) });
      return { erpId: po.erpId!, number: po.number };
    },
    async readPurchaseOrder(erpId): Promise<PeerPurchase | null> {
      const po = await db.purchaseOrder.findUnique({ where: { erpId }, include: { lines: { orderBy: { lineNo: "asc" } } } });
      if (!po) return null;
      const confirmations = (await ledger<PurchaseConfirmationInput>("erp.confirmPurchaseOrder")).filter((e) => e.input.orderErpId === erpId);
      const c = confirmations.at(-1)?.input;
      return {
        erpId,
        number: po.number,
        state: c ? "recorded" : "open",
        supplierRef: c?.supplierRef ?? null,
        lines: po.lines.map((l) => {
          const cl = c?.lines.find((x) => x.lineErpId === l.erpId);
          return { erpId: l.erpId!, quantity: Number(l.quantity), confirmedQuantity: cl?.confirmedQuantity ?? null, confirmedDate: cl?.confirmedDate ?? null };
        }),
      };
    },
    async readReceipts(orderErpId): Promise<PeerReceipt[]> {
      const rows = (await ledger<GoodsReceiptInput>("erp.postGoodsReceipt")).filter((e) => e.input.orderErpId === orderErpId);
      return rows.map((r) => ({ erpId: r.erpId, reference: r.input.receiptNumber, state: "done", moves: r.input.lines.map((l) => ({ lineErpId: l.lineErpId, quantity: l.acceptedQuantity, state: "done" })) }));
    },
    async deliveryCursorNow() {
      // The app's own database is new for every suite: nothing to skip.
      return null;
    },
    async countSalesOrders(reference) {
      return db.integrationLedger.count({ where: { handler: "erp.recordSalesOrder", businessKey: reference } });
    },
  };
}
