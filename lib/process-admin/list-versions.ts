import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";

/** The version history of a process: who published what when, and its instances by status. Null for an unknown key. */
export async function listVersions(db: Db, actor: EmployeeActor, key: string) {
  requirePermission(actor, "process.design");
  const [defs, draft] = await Promise.all([
    db.processDefinition.findMany({ where: { key, status: "published" }, orderBy: { version: "desc" }, select: { id: true, version: true, name: true, source: true, publishedAt: true, publishedBy: true, sha256: true } }),
    db.processDraft.findUnique({ where: { key }, select: { updatedAt: true, updatedBy: true, basedOnVersion: true } }),
  ]);
  if (!defs.length && !draft) return null;
  const people = [...new Set([...defs.map((d) => d.publishedBy), draft?.updatedBy].filter((x): x is string => !!x))];
  const [names, counts] = await Promise.all([
    db.employee.findMany({ where: { id: { in: people } }, select: { id: true, name: true } }),
    db.processInstance.groupBy({ by: ["definitionId", "status"], where: { definitionId: { in: defs.map((d) => d.id) } }, _count: { _all: true } }),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const count = (id: string, status: string) => counts.find((c) => c.definitionId === id && c.status === status)?._count._all ?? 0;
  return {
    key,
    name: defs[0]?.name ?? key,
    draft: draft ? { updatedAt: draft.updatedAt, updatedBy: nameOf.get(draft.updatedBy) ?? null, basedOnVersion: draft.basedOnVersion } : null,
    versions: defs.map((d) => ({
      id: d.id,
      version: d.version,
      name: d.name,
      source: d.source,
      publishedAt: d.publishedAt,
      publishedBy: d.publishedBy ? (nameOf.get(d.publishedBy) ?? null) : null,
      sha: d.sha256.slice(0, 8),
      running: count(d.id, "running"),
      incident: count(d.id, "incident"),
      completed: count(d.id, "completed"),
      cancelled: count(d.id, "cancelled"),
    })),
  };
}

/** The XML of one published version (the diff and heat map draw it). */
export async function getVersionXml(db: Db, actor: EmployeeActor, key: string, version: number) {
  requirePermission(actor, "process.design");
  return db.processDefinition.findUnique({ where: { key_version: { key, version } }, select: { id: true, key: true, version: true, name: true, xml: true } });
}
