import "server-only";
import type { ErpPurchaseOrderLine } from "./connector";

/** An ERP order line as the app stores it (PurchaseOrderLine without its order). */
export function orderLineData(l: ErpPurchaseOrderLine) {
  return {
    lineNo: l.lineNo,
    erpId: l.erpId,
    productCode: l.productCode,
    description: l.description,
    quantity: l.quantity,
    unitCode: l.unitCode,
    unitPrice: l.unitPrice,
    requestedDate: l.requestedDate ? new Date(l.requestedDate) : null,
  };
}
