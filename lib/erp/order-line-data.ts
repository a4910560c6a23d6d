import "server-only";
import type { ErpPurchaseOrderLine } from "./connector";

type Original = { originalQuantity: unknown; originalDate: Date | null } | undefined;

/**
 * An ERP order line as the app stores it (PurchaseOrderLine without its order). `first`
 * is the line as the app first had it (same ERP line), when the ERP sends a change:
 * its original quantity and date stay; a line new to the order starts with its own.
 */
export function orderLineData(l: ErpPurchaseOrderLine, first?: Original) {
  const requestedDate = l.requestedDate ? new Date(l.requestedDate) : null;
  return {
    lineNo: l.lineNo,
    erpId: l.erpId,
    productCode: l.productCode,
    description: l.description,
    quantity: l.quantity,
    unitCode: l.unitCode,
    unitPrice: l.unitPrice,
    requestedDate,
    originalQuantity: first ? Number(first.originalQuantity) : l.quantity,
    originalDate: first ? first.originalDate : requestedDate,
  };
}
