import "server-only";
import type { Db } from "../db/client";
import { personNames, waitingForResolver, type Bilingual } from "./order-people";
import type { UnitLabel } from "./unit-labels";

/** One line figure of a history entry: `a` and `b` mean what the entry's kind says (confirmed/ordered, after/before, accepted/rejected, planned). */
type HistoryLine = { label: string; a: number; b: number | null; unit: UnitLabel | null; /** a proposal's or confirmation's own day for the line when the lines differ */ day?: string | null };

export type OrderHistoryEntry = {
  id: string;
  at: Date;
  kind: string;
  /** Who did it, by name (a supplier's people with their company); null: the system or the ERP. */
  actor: string | null;
  process: string | null;
  task: string | null;
  plan: string | null;
  receipt: string | null;
  ref: string | null;
  /** The supplier's words: why it declined, why it proposes changes. */
  note: string | null;
  /** A calendar day (YYYY-MM-DD): confirmed, proposed or planned delivery date. */
  day: string | null;
  waybill: string | null;
  revision: number | null;
  /** task_created: whom the task went to. */
  to: Bilingual | null;
  lines: HistoryLine[];
};

type OrderLine = { id: string; lineNo: number; erpId: string | null; productCode: string; unit: UnitLabel };
type Records = { orderId: string; lines: OrderLine[]; plans: { id: string; number: string }[]; receipts: { id: string; number: string }[]; instances: { id: string; processName: string }[] };

/** Audit actions as history kinds; others on these records are left out (they are not about delivery). */
const AUDIT_KINDS: Record<string, string> = {
  "purchase_order.create": "created",
  "purchase_order.received": "received_from_erp",
  "purchase_order.changed_in_erp": "changed_in_erp",
  "purchase_order.propose": "proposed",
  "purchase_order.confirm": "confirmed",
  "purchase_order.decline": "declined",
  "purchase_order.confirmed_in_erp": "confirmed_in_erp",
  "purchase_order.custom_update": "custom_update",
  "delivery_plan.received": "plan_received",
  "delivery_plan.changed": "plan_changed",
  "delivery_plan.cancelled": "plan_cancelled",
  "delivery_plan.shipped": "plan_shipped",
  "goods_receipt.create": "receipt",
};
const FLOW_KINDS: Record<string, string> = {
  "instance.started": "flow_started",
  "task.created": "task_created",
  "task.completed": "task_completed",
  "instance.completed": "flow_completed",
  "instance.cancelled": "flow_cancelled",
  "instance.incident": "flow_incident",
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const text = (v: unknown) => (typeof v === "string" && v ? v : null);
const num = (v: unknown) => (v === null || v === undefined || v === "" || Number.isNaN(Number(v)) ? null : Number(v));
const dayOf = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

/**
 * What happened to an order, oldest first, as facts people read: who entered it or that
 * the ERP sent (or changed) it, the supplier's confirmation per line, each delivery
 * planned, shipped and received, and the flows' steps (who got which task, who did it).
 * Built from the audit rows of the order, its plans and receipts and from its flows'
 * history; technical payloads stay out.
 */
export async function orderHistory(db: Db, r: Records): Promise<OrderHistoryEntry[]> {
  const ids = { plan: new Map(r.plans.map((p) => [p.id, p.number])), receipt: new Map(r.receipts.map((x) => [x.id, x.number])), process: new Map(r.instances.map((i) => [i.id, i.processName])) };
  const [audit, events] = await Promise.all([
    db.auditLog.findMany({
      where: { action: { in: Object.keys(AUDIT_KINDS) }, OR: [{ entity: "PurchaseOrder", entityId: r.orderId }, { entity: "DeliveryPlan", entityId: { in: [...ids.plan.keys()] } }, { entity: "GoodsReceipt", entityId: { in: [...ids.receipt.keys()] } }] },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: 500,
    }),
    db.instanceEvent.findMany({ where: { instanceId: { in: [...ids.process.keys()] }, type: { in: Object.keys(FLOW_KINDS) } }, orderBy: [{ at: "asc" }, { id: "asc" }], take: 1000 }),
  ]);
  const taskIds = [...new Set(events.map((e) => e.taskId).filter((x): x is string => !!x))];
  const tasks = new Map((taskIds.length ? await db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, name: true } }) : []).map((t) => [t.id, t.name]));
  const [names, waitingFor] = await Promise.all([
    personNames(db, [...audit.map((a) => a.actorId), ...events.map((e) => e.actorId)]),
    waitingForResolver(db, events.filter((e) => e.type === "task.created").map((e) => obj(e.data))),
  ]);
  const byId = new Map(r.lines.map((l) => [l.id, l]));
  const byNo = new Map(r.lines.map((l) => [l.lineNo, l]));
  const byErp = new Map(r.lines.filter((l) => l.erpId).map((l) => [l.erpId!, l]));
  const byProduct = new Map(r.lines.map((l) => [l.productCode, l]));
  const line = (l: OrderLine | undefined, a: unknown, b: unknown, label?: string): HistoryLine[] => (num(a) === null ? [] : [{ label: label ?? String(l?.lineNo ?? "?"), a: num(a)!, b: num(b), unit: l?.unit ?? null }]);
  // Lines proposed or confirmed on days of their own: each line names its day.
  const dated = (ls: HistoryLine[], day: string | null) => (day ? ls.map((l) => ({ ...l, day })) : ls);
  const blank = { process: null, task: null, plan: null, receipt: null, ref: null, note: null, day: null, waybill: null, revision: null, to: null, lines: [] as HistoryLine[] };

  const fromAudit = audit.map((a): OrderHistoryEntry => {
    const after = obj(a.after);
    const before = obj(a.before);
    const e: OrderHistoryEntry = { ...blank, id: a.id, at: a.at, kind: AUDIT_KINDS[a.action], actor: a.actorId ? (names.get(a.actorId) ?? null) : null };
    if (a.entity === "DeliveryPlan") e.plan = ids.plan.get(a.entityId ?? "") ?? null;
    if (a.entity === "GoodsReceipt") e.receipt = ids.receipt.get(a.entityId ?? "") ?? null;
    switch (e.kind) {
      case "changed_in_erp": {
        const was = list(before.lines);
        e.revision = num(after.revision);
        e.lines = list(after.lines).flatMap((l, i) => line(byProduct.get(String(l.productCode)), l.quantity, was[i]?.quantity ?? null, String(l.productCode)));
        break;
      }
      case "proposed":
        e.day = dayOf(after.proposedDate);
        e.note = text(after.note);
        e.lines = list(after.quantities).flatMap((q) => dated(line(byNo.get(Number(q.lineNo)), q.proposed, q.ordered), e.day ? null : dayOf(q.date)));
        break;
      case "declined":
        e.note = text(after.reason);
        break;
      case "confirmed":
        if (after.acceptedProposal === true) e.kind = "proposal_accepted";
        e.ref = text(after.supplierRef);
        e.day = dayOf(after.confirmedDate);
        e.lines = list(after.quantities).flatMap((q) => dated(line(byNo.get(Number(q.lineNo)), q.confirmed, q.ordered), e.day ? null : dayOf(q.date)));
        break;
      case "plan_received":
      case "plan_changed":
        e.day = dayOf(after.plannedDate);
        e.lines = list(after.lines).flatMap((l) => line(byErp.get(String(l.orderLineErpId)) ?? byId.get(String(l.orderLineId)), l.quantity, null));
        break;
      case "plan_shipped":
        e.day = dayOf(after.shippedAt);
        e.waybill = text(after.waybillNo);
        break;
      case "receipt":
        e.lines = list(after.lines).flatMap((l) => line(byId.get(String(l.orderLineId)), l.acceptedQuantity, l.rejectedQuantity));
        break;
    }
    return e;
  });
  const fromFlows = events.map((ev): OrderHistoryEntry => ({
    ...blank,
    id: ev.id,
    at: ev.at,
    kind: FLOW_KINDS[ev.type],
    // A task handed out is the flow's doing, whoever's step led to it.
    actor: ev.actorId && ev.type !== "task.created" ? (names.get(ev.actorId) ?? null) : null,
    process: ids.process.get(ev.instanceId) ?? null,
    task: ev.taskId ? (tasks.get(ev.taskId) ?? null) : null,
    to: ev.type === "task.created" ? waitingFor(obj(ev.data)) : null,
  }));
  return [...fromAudit, ...fromFlows].sort((x, y) => x.at.getTime() - y.at.getTime());
}
