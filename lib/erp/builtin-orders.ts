import "server-only";
import type { ErpPurchaseOrder } from "./connector";

type OrderRow = {
  erpId: string | null;
  number: string;
  currencyCode: string | null;
  orderDate: Date | null;
  updatedAt: Date;
  supplier: { erpId: string | null; code: string; name: string };
  lines: { erpId: string | null; lineNo: number; productCode: string; description: string; quantity: unknown; unitCode: string; unitPrice: unknown; requestedDate: Date | null }[];
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** An order entered in the app, as the built-in "ERP" presents it. */
export function toErpPurchaseOrder(po: OrderRow): ErpPurchaseOrder {
  return {
    erpId: po.erpId ?? po.number,
    number: po.number,
    supplier: { erpId: po.supplier.erpId ?? po.supplier.code, code: po.supplier.code, name: po.supplier.name },
    currencyCode: po.currencyCode,
    orderDate: day(po.orderDate),
    lines: po.lines.map((l) => ({
      erpId: l.erpId ?? `${po.number}/${l.lineNo}`,
      lineNo: l.lineNo,
      productCode: l.productCode,
      description: l.description,
      quantity: Number(l.quantity),
      unitCode: l.unitCode,
      unitPrice: Number(l.unitPrice),
      requestedDate: day(l.requestedDate),
    })),
    writeAt: po.updatedAt.toISOString(),
  };
}
