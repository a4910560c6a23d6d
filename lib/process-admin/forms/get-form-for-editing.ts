import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { FormJsSchema } from "../../workflow/form-js";
import { publishedForm } from "../../workflow/form-store";

export type EditorForm = {
  /** Null for a new form: the owner chooses the key. */
  key: string | null;
  titleZh: string;
  titleEn: string;
  schema: FormJsSchema;
  /** Where the schema came from: the pending draft, the latest published version, or a blank form. */
  origin: "draft" | "published" | "new";
  latestVersion: number | null;
  /** The version the draft was started from (null: a new form). */
  basedOnVersion: number | null;
  draftUpdatedAt: Date | null;
};

/** form-js's schema format version (FormEditor writes it too); the server never imports form-js. */
const SCHEMA_VERSION = 19;

/** What the designer opens for a key: the draft when one is pending, else the latest version; null when neither exists. */
export async function getFormForEditing(db: Db, actor: EmployeeActor, key: string | null): Promise<EditorForm | null> {
  requirePermission(actor, "process.design");
  if (!key) {
    return { key: null, titleZh: "", titleEn: "", schema: { type: "default", id: "Form_new", components: [], schemaVersion: SCHEMA_VERSION }, origin: "new", latestVersion: null, basedOnVersion: null, draftUpdatedAt: null };
  }
  const [draft, latest] = await Promise.all([db.formDraft.findUnique({ where: { key } }), publishedForm(db, key)]);
  if (draft) {
    return { key, titleZh: draft.titleZh, titleEn: draft.titleEn, schema: draft.schema as FormJsSchema, origin: "draft", latestVersion: latest?.version ?? null, basedOnVersion: draft.basedOnVersion, draftUpdatedAt: draft.updatedAt };
  }
  if (!latest) return null;
  return { key, titleZh: latest.titleZh, titleEn: latest.titleEn, schema: latest.schema, origin: "published", latestVersion: latest.version, basedOnVersion: latest.version, draftUpdatedAt: null };
}
