import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { compileFormJs } from "../../workflow/form-js";
import { formDraftInput, type ImportFormInput } from "./forms.schema";
import { explained } from "./schema-problems";
import { storedSchema, writeFormDraft } from "./save-form-draft";

const notAFormFile = () => new AppError("validation", { fieldErrors: { file: "forms.import.notJson" } });

/**
 * A .form file (from another installation, Camunda Modeler or an earlier export)
 * becomes the form's draft: it must be JSON, a form-js schema, and compile. Its own
 * titles (the shipped files carry them at the root) replace the designer's.
 */
export async function importForm(db: Db, who: EmployeeActor, input: ImportFormInput) {
  const actor = requirePermission(who, "process.design");
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.text.replace(/^\uFEFF/, ""));
  } catch {
    throw notAFormFile();
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw notAFormFile();
  const file = parsed as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const draft = parseInput(formDraftInput, {
    key: input.key,
    titleZh: text(file.titleZh) ?? input.titleZh,
    titleEn: text(file.titleEn) ?? input.titleEn,
    isNew: input.isNew,
    schema: storedSchema(input.key, file),
  });
  await explained(() => compileFormJs(draft.key, draft.titleZh, draft.titleEn || draft.titleZh, draft.schema));
  const saved = await db.$transaction((tx) => writeFormDraft(tx, actor, draft, "form.import"));
  return { ...saved, titleZh: draft.titleZh, titleEn: draft.titleEn || draft.titleZh, schema: draft.schema };
}
