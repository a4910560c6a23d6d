import "server-only";
import { judgeDelivery, type DeliveryLine } from "./on-time-delivery";

const n = (v: unknown) => Number(v);
const nOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

type Line = Omit<DeliveryLine, "receipts"> & {
  lineNo: number;
  productCode: string;
  description: string;
  quantity: unknown;
  originalQuantity: unknown;
  requestedDate: Date | null;
  originalDate: Date | null;
  confirmedQuantity: unknown;
  confirmedDate: Date | null;
  receivedQuantity: unknown;
  rejectedQuantity: unknown;
};

/**
 * One order line as the employee's and the supplier's order pages show it: original
 * (before any ERP change; a line from before that was kept reads as its current values),
 * requested now, confirmed and received quantities and dates, with its on-time verdict.
 */
export function orderLineFigures(l: Line, receipts: DeliveryLine["receipts"], today: string) {
  return {
    lineNo: l.lineNo,
    productCode: l.productCode,
    description: l.description,
    quantity: n(l.quantity),
    originalQuantity: n(l.originalQuantity ?? l.quantity),
    requestedDate: l.requestedDate,
    originalDate: l.originalQuantity === null ? l.requestedDate : l.originalDate,
    confirmedQuantity: nOrNull(l.confirmedQuantity),
    confirmedDate: l.confirmedDate,
    receivedQuantity: n(l.receivedQuantity),
    rejectedQuantity: n(l.rejectedQuantity),
    delivery: judgeDelivery({ ...l, receipts }, today),
  };
}
