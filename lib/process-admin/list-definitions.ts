import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";

/**
 * One row per process key: its latest name and source, every published version
 * with its running instance count, and whether an editor draft is pending.
 */
export async function listDefinitions(db: Db, actor: EmployeeActor) {
  requirePermission(actor, "process.design");
  const [defs, running, drafts] = await Promise.all([
    db.processDefinition.findMany({ where: { status: "published" }, orderBy: [{ key: "asc" }, { version: "desc" }], select: { id: true, key: true, version: true, name: true, source: true, publishedAt: true } }),
    db.processInstance.groupBy({ by: ["definitionId"], where: { status: { in: ["running", "incident"] } }, _count: { _all: true } }),
    db.processDraft.findMany({ select: { key: true, name: true, updatedAt: true } }),
  ]);
  const runningBy = new Map(running.map((r) => [r.definitionId, r._count._all]));
  const rows = new Map<string, { key: string; name: string; source: string; latestVersion: number | null; publishedAt: Date | null; versions: { version: number; running: number }[]; draftAt: Date | null }>();
  for (const d of defs) {
    const row = rows.get(d.key) ?? { key: d.key, name: d.name, source: d.source, latestVersion: d.version, publishedAt: d.publishedAt, versions: [], draftAt: null };
    row.versions.push({ version: d.version, running: runningBy.get(d.id) ?? 0 });
    rows.set(d.key, row);
  }
  for (const d of drafts) {
    const row = rows.get(d.key) ?? { key: d.key, name: d.name, source: "editor", latestVersion: null, publishedAt: null, versions: [], draftAt: null };
    row.draftAt = d.updatedAt;
    rows.set(d.key, row);
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}
