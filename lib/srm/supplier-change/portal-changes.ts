import "server-only";
import type { Actor } from "../../auth/actor";
import { requireSupplierAdmin, requireSupplierUser } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { readProposal } from "./change-fields";
import { describeProposal } from "./describe-change";
import type { SupplierChangeView } from "./list-supplier-changes";

/** A change request as its supplier reads it: as the archive lists it, with the approver's reason for a rejection, without the flow's id. */
export type PortalChangeView = Omit<SupplierChangeView, "instanceId"> & { comment: string | null };

type Row = { id: string; number: string; status: PortalChangeView["status"]; outcome: string | null; reason: string | null; proposedById: string | null; proposedBySupplierUserId: string | null; createdAt: Date; decidedAt: Date | null; instanceId: string | null };

async function views(db: Db, rows: Row[], changes: Map<string, unknown>): Promise<PortalChangeView[]> {
  const rejected = rows.filter((r) => r.status === "rejected" && r.instanceId).map((r) => r.instanceId!);
  const [people, colleagues, events] = await Promise.all([
    db.employee.findMany({ where: { id: { in: rows.flatMap((r) => (r.proposedById ? [r.proposedById] : [])) } }, select: { id: true, name: true } }),
    db.supplierUser.findMany({ where: { id: { in: rows.flatMap((r) => (r.proposedBySupplierUserId ? [r.proposedBySupplierUserId] : [])) } }, select: { id: true, name: true } }),
    rejected.length ? db.instanceEvent.findMany({ where: { instanceId: { in: rejected }, type: "task.completed" }, orderBy: { at: "asc" }, select: { instanceId: true, data: true } }) : [],
  ]);
  const names = new Map([...people, ...colleagues].map((p) => [p.id, p.name]));
  // The last rejecting decision of each flow carries the approver's reason.
  const comments = new Map<string, string>();
  for (const e of events) {
    const d = ((e.data ?? {}) as { data?: { decision?: unknown; comment?: unknown } }).data ?? {};
    if (d.decision === "reject" && typeof d.comment === "string" && d.comment.trim()) comments.set(e.instanceId, d.comment.trim());
  }
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      outcome: r.outcome,
      reason: r.reason,
      proposedBy: names.get(r.proposedBySupplierUserId ?? r.proposedById ?? "") ?? null,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      comment: r.instanceId ? (comments.get(r.instanceId) ?? null) : null,
      rows: await describeProposal(db, readProposal(changes.get(r.id))),
    })),
  );
}

/** The session supplier's change requests, newest first (only those under review with `pending`), each as a diff in words. */
export async function listPortalChanges(db: Db, who: Actor | null, opts: { pending?: boolean; take?: number } = {}): Promise<PortalChangeView[]> {
  const actor = requireSupplierUser(who);
  const rows = await db.supplierChange.findMany({ where: { supplierId: actor.supplierId, ...(opts.pending ? { status: "pending" as const } : {}) }, orderBy: { createdAt: "desc" }, take: opts.take ?? 50 });
  return views(db, rows, new Map(rows.map((r) => [r.id, r.changes])));
}

/** One change request of the session's supplier; another supplier's, or none, is not found. */
export async function getPortalChange(db: Db, who: Actor | null, id: string): Promise<PortalChangeView> {
  const actor = requireSupplierUser(who);
  const row = await db.supplierChange.findFirst({ where: { id, supplierId: actor.supplierId } });
  if (!row) throw new AppError("not_found");
  return (await views(db, [row], new Map([[row.id, row.changes]])))[0];
}

/** What the portal's change form starts with: the supplier's archive data, the code lists, and an open request if there is one. Administrators only. */
export async function portalChangeForm(db: Db, who: Actor | null) {
  const actor = requireSupplierAdmin(who);
  const codes = (kind: "tax" | "paymentTerm") => db.masterData.findMany({ where: { kind, active: true }, orderBy: { code: "asc" }, select: { code: true, name: true } });
  const [supplier, taxes, terms, pending] = await Promise.all([
    db.supplier.findUniqueOrThrow({ where: { id: actor.supplierId } }),
    codes("tax"),
    codes("paymentTerm"),
    db.supplierChange.findFirst({ where: { supplierId: actor.supplierId, status: "pending" }, select: { id: true, number: true } }),
  ]);
  return { supplier, taxes, terms, pending };
}
