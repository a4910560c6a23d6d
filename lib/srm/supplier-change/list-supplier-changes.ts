import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { readProposal } from "./change-fields";
import { describeProposal, type ChangeRow } from "./describe-change";

export type SupplierChangeView = {
  id: string;
  number: string;
  status: "pending" | "approved" | "rejected" | "refused";
  outcome: string | null;
  reason: string | null;
  proposedBy: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  instanceId: string | null;
  rows: ChangeRow[];
};

/** A supplier's change requests, newest first, each as a diff in words (for its archive). */
export async function listSupplierChanges(db: Db, who: Actor, supplierId: string, take = 20): Promise<SupplierChangeView[]> {
  requirePermission(who, "srm.view");
  const changes = await db.supplierChange.findMany({ where: { supplierId }, orderBy: { createdAt: "desc" }, take });
  const [people, portalUsers] = await Promise.all([
    db.employee.findMany({ where: { id: { in: changes.flatMap((c) => (c.proposedById ? [c.proposedById] : [])) } }, select: { id: true, name: true } }),
    // Proposed in the portal by the supplier's administrator: named with the supplier.
    db.supplierUser.findMany({ where: { id: { in: changes.flatMap((c) => (c.proposedBySupplierUserId ? [c.proposedBySupplierUserId] : [])) } }, select: { id: true, name: true, supplier: { select: { name: true } } } }),
  ]);
  const nameOf = new Map([...people.map((p) => [p.id, p.name] as const), ...portalUsers.map((u) => [u.id, `${u.name} · ${u.supplier.name}`] as const)]);
  return Promise.all(
    changes.map(async (c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      outcome: c.outcome,
      reason: c.reason,
      proposedBy: nameOf.get(c.proposedById ?? c.proposedBySupplierUserId ?? "") ?? null,
      createdAt: c.createdAt,
      decidedAt: c.decidedAt,
      instanceId: c.instanceId,
      rows: await describeProposal(db, readProposal(c.changes)),
    })),
  );
}
