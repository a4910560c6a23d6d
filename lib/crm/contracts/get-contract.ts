import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { visibleContract } from "./contract-scope";
import type { ContractTerms } from "./contract.schema";
import { diffTerms } from "./diff-terms";

/**
 * One contract as its page shows it: the current terms, every version with what changed
 * from the one before, the approval tasks of its latest review, and the people by name
 * (who cancelled it, too).
 */
export async function getContract(db: Db, who: Actor | null, id: string) {
  const actor = requirePermission(who, "crm.view");
  const c = await visibleContract(db, actor, id, {
    customer: { select: { id: true, code: true, name: true, countryCode: true, address: true, contactName: true, contactPhone: true, taxCode: true, creditCode: true, ownerId: true, teamId: true } },
    opportunity: { select: { id: true, code: true, name: true, erpSaleId: true, erpSaleNumber: true } },
    copiedFrom: { select: { id: true, number: true } },
    versions: { orderBy: { version: "asc" } },
  });
  const people = new Set([c.ownerId, ...c.versions.map((v) => v.createdById), ...(c.cancelledById ? [c.cancelledById] : [])]);
  const [employees, tasks, scan] = await Promise.all([
    db.employee.findMany({ where: { id: { in: [...people] } }, select: { id: true, name: true } }),
    c.instanceId ? db.task.findMany({ where: { instanceId: c.instanceId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, status: true, outcome: true, completedAt: true, completedById: true, assigneeId: true, candidateGroups: true } }) : [],
    c.signedScanId ? db.storedFile.findUnique({ where: { id: c.signedScanId }, select: { id: true, name: true } }) : null,
  ]);
  const taskPeople = await db.employee.findMany({ where: { id: { in: tasks.flatMap((t) => [t.completedById, t.assigneeId]).filter((x): x is string => !!x) } }, select: { id: true, name: true } });
  const name = new Map([...employees, ...taskPeople].map((e) => [e.id, e.name]));
  const versions = c.versions.map((v, i) => ({
    version: v.version,
    note: v.note,
    createdAt: v.createdAt,
    createdBy: name.get(v.createdById) ?? "",
    terms: v.terms as unknown as ContractTerms,
    diff: i ? diffTerms(c.versions[i - 1].terms as unknown as ContractTerms, v.terms as unknown as ContractTerms) : null,
  }));
  return {
    ...c,
    totalAmount: Number(c.totalAmount),
    ownerName: name.get(c.ownerId) ?? "",
    cancelledByName: c.cancelledById ? (name.get(c.cancelledById) ?? "") : null,
    terms: versions[versions.length - 1].terms,
    versions,
    scan,
    approval: tasks.map((t) => ({ ...t, assigneeName: t.assigneeId ? (name.get(t.assigneeId) ?? null) : null, completedByName: t.completedById ? (name.get(t.completedById) ?? null) : null })),
  };
}
export type ContractView = Awaited<ReturnType<typeof getContract>>;
