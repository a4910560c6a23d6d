import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";

/** Asia/Shanghai has no daylight saving: its calendar day is UTC's, eight hours on. */
export const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export type DeliveryLine = {
  quantity: unknown;
  confirmedQuantity: unknown;
  confirmedDate: Date | null;
  requestedDate: Date | null;
  /** The line's receipts (accepted quantity and when). */
  receipts: { at: Date; accepted: unknown }[];
};

/**
 * on_time / late: counted. open: not due yet and not complete. not_counted: nothing to
 * deliver (confirmed zero) or no date to judge against.
 */
type DeliveryState = "on_time" | "late" | "open" | "not_counted";

export type DeliveryVerdict = {
  state: DeliveryState;
  /** What must arrive: the confirmed quantity, else the ordered one. */
  target: number;
  /** By when (Shanghai day): the confirmed date, else the requested one. */
  dueDay: string | null;
  /** The day the accepted quantity reached the target (Shanghai), if it did. */
  completeDay: string | null;
};

const EPS = 1e-9;

/**
 * The on-time rule (said the same way on the screens): a line is on time when its full
 * confirmed quantity (the ordered one if never confirmed) was received, accepted, on or
 * before its confirmed date (else its requested date), in Shanghai calendar days. A line
 * not complete by then is late from the day after; one not yet due and not complete is
 * not counted yet.
 */
export function judgeDelivery(line: DeliveryLine, today: string): DeliveryVerdict {
  const target = Number(line.confirmedQuantity ?? line.quantity);
  const due = line.confirmedDate ?? line.requestedDate;
  const dueDay = due ? shanghaiDay(due) : null;
  let received = 0;
  let completeDay: string | null = null;
  for (const r of [...line.receipts].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    received += Number(r.accepted);
    if (received + EPS >= target) {
      completeDay = shanghaiDay(r.at);
      break;
    }
  }
  if (!(target > 0) || !dueDay) return { state: "not_counted", target, dueDay, completeDay };
  if (completeDay) return { state: completeDay <= dueDay ? "on_time" : "late", target, dueDay, completeDay };
  return { state: today > dueDay ? "late" : "open", target, dueDay, completeDay };
}

export type OnTimeRate = { onTime: number; late: number; open: number; counted: number; rate: number | null };

export function onTimeRate(verdicts: DeliveryVerdict[]): OnTimeRate {
  const n = (s: DeliveryState) => verdicts.filter((v) => v.state === s).length;
  const onTime = n("on_time");
  const late = n("late");
  const counted = onTime + late;
  return { onTime, late, open: n("open"), counted, rate: counted ? onTime / counted : null };
}

/** A supplier's on-time delivery rate over the lines of its orders (cancelled orders left out). */
export async function supplierOnTimeRate(db: Db, who: Actor, supplierId: string): Promise<OnTimeRate> {
  requirePermission(who, "srm.view");
  return onTimeRateOf(db, supplierId);
}

/** The same rate for a supplier the caller has already authorised (the portal: the session's own supplier). */
export async function onTimeRateOf(db: Db, supplierId: string): Promise<OnTimeRate> {
  const lines = await db.purchaseOrderLine.findMany({
    where: { order: { supplierId, status: { not: "cancelled" } } },
    select: { quantity: true, confirmedQuantity: true, confirmedDate: true, requestedDate: true, receiptLines: { select: { acceptedQuantity: true, receipt: { select: { receivedAt: true } } } } },
  });
  const today = shanghaiDay(now());
  return onTimeRate(lines.map((l) => judgeDelivery({ ...l, receipts: l.receiptLines.map((r) => ({ at: r.receipt.receivedAt, accepted: r.acceptedQuantity })) }, today)));
}
