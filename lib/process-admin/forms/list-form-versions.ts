import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { formVersions } from "../../workflow/form-store";

export type FormVersionRow = { version: number; publishedAt: Date; publishedBy: string | null; source: string };

/** A form's published versions, newest first, with the publisher by name (null: the system, for shipped files). */
export async function listFormVersions(db: Db, actor: EmployeeActor, key: string): Promise<FormVersionRow[]> {
  requirePermission(actor, "process.design");
  const versions = await formVersions(db, key);
  const ids = [...new Set(versions.map((v) => v.publishedBy).filter((x): x is string => !!x))];
  const people = await db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, source: v.source, publishedBy: v.publishedBy ? (nameOf.get(v.publishedBy) ?? null) : null }));
}
