import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { listPublishedForms } from "../../workflow/form-store";

export type FormRow = {
  key: string;
  titleZh: string;
  titleEn: string;
  latestVersion: number | null;
  source: string | null;
  publishedAt: Date | null;
  draft: { updatedAt: Date; updatedBy: string | null } | null;
  /** The later of the latest publication and the draft's last save. */
  updatedAt: Date;
};

/** Every form: its latest published version and whether a draft is pending (a new form has only the draft). */
export async function listForms(db: Db, actor: EmployeeActor): Promise<FormRow[]> {
  requirePermission(actor, "process.design");
  const [published, drafts] = await Promise.all([
    listPublishedForms(db),
    db.formDraft.findMany({ select: { key: true, titleZh: true, titleEn: true, updatedAt: true, updatedBy: true } }),
  ]);
  const people = await db.employee.findMany({ where: { id: { in: [...new Set(drafts.map((d) => d.updatedBy))] } }, select: { id: true, name: true } });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const rows = new Map<string, FormRow>();
  for (const f of published) {
    rows.set(f.key, { key: f.key, titleZh: f.titleZh, titleEn: f.titleEn, latestVersion: f.version, source: f.source, publishedAt: f.publishedAt, draft: null, updatedAt: f.publishedAt });
  }
  for (const d of drafts) {
    const row = rows.get(d.key) ?? { key: d.key, titleZh: d.titleZh, titleEn: d.titleEn, latestVersion: null, source: null, publishedAt: null, draft: null, updatedAt: d.updatedAt };
    row.draft = { updatedAt: d.updatedAt, updatedBy: nameOf.get(d.updatedBy) ?? null };
    if (d.updatedAt > row.updatedAt) row.updatedAt = d.updatedAt;
    rows.set(d.key, row);
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}
