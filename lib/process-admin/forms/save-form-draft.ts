import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import type { FormDraftInput } from "./forms.schema";

/**
 * A new form may take a key only while no version and no draft use it; an opened form
 * must exist. Decided inside the writing transaction under a lock on the key, so two
 * owners creating one key at the same moment cannot both take it.
 */
export async function assertFormKey(tx: Tx, key: string, isNew: boolean) {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`form-key:${key}`}))) AS l`;
  const [published, draft] = await Promise.all([tx.formVersion.count({ where: { key } }), tx.formDraft.count({ where: { key } })]);
  if (isNew && (published || draft)) throw new AppError("form_key_taken", { fieldErrors: { key: "errors.form_key_taken" } });
  if (!isNew && !published && !draft) throw new AppError("form_not_found");
}

/**
 * The schema as stored: its id is the form's key (as in the shipped .form files, whose
 * id names the form), and the titles live in their own columns, not in the schema
 * (a .form file carries them at its root). So an exported version imports back unchanged.
 */
export function storedSchema(key: string, schema: Record<string, unknown>) {
  const { titleZh: _zh, titleEn: _en, ...rest } = schema;
  return sortedKeys({ ...rest, id: key }) as Record<string, unknown>;
}

/**
 * Objects with their keys in one order, at every depth. PostgreSQL's jsonb keeps no key
 * order, and the store compares versions by a hash of the JSON text: without one order,
 * a version read back and published unchanged would count as a change.
 */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!v || typeof v !== "object") return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])]));
}

/** Writes the draft row and its audit row in the caller's transaction. */
export async function writeFormDraft(tx: Tx, actor: EmployeeActor, input: FormDraftInput, action: "form.draft.save" | "form.import") {
  await assertFormKey(tx, input.key, input.isNew);
  const before = await tx.formDraft.findUnique({ where: { key: input.key }, select: { titleZh: true, updatedAt: true, basedOnVersion: true } });
  const latest = await tx.formVersion.findFirst({ where: { key: input.key }, orderBy: { version: "desc" }, select: { version: true } });
  const data = { titleZh: input.titleZh, titleEn: input.titleEn || input.titleZh, schema: storedSchema(input.key, input.schema) as object, updatedBy: actor.id };
  const draft = await tx.formDraft.upsert({
    where: { key: input.key },
    create: { key: input.key, ...data, basedOnVersion: latest?.version ?? null },
    update: data,
  });
  const components = Array.isArray(input.schema.components) ? input.schema.components.length : 0;
  await writeAudit(tx, actor, { action, entity: "FormDraft", entityId: input.key, before, after: { key: input.key, titleZh: data.titleZh, basedOnVersion: draft.basedOnVersion, components } });
  return { key: draft.key, updatedAt: draft.updatedAt, basedOnVersion: draft.basedOnVersion };
}

/** Stores the designer's working copy; it may still have problems: publishing checks. */
export async function saveFormDraft(db: Db, who: EmployeeActor, input: FormDraftInput) {
  const actor = requirePermission(who, "process.design");
  return db.$transaction((tx) => writeFormDraft(tx, actor, input, "form.draft.save"));
}

/** Drops the working copy; the designer opens the latest version again. */
export async function discardFormDraft(db: Db, who: EmployeeActor, key: string) {
  const actor = requirePermission(who, "process.design");
  return db.$transaction(async (tx) => {
    const draft = await tx.formDraft.findUnique({ where: { key }, select: { key: true, titleZh: true, updatedAt: true } });
    if (!draft) throw new AppError("form_not_found");
    await tx.formDraft.delete({ where: { key } });
    await writeAudit(tx, actor, { action: "form.draft.discard", entity: "FormDraft", entityId: key, before: draft });
    return { key, published: (await tx.formVersion.count({ where: { key } })) > 0 };
  });
}
