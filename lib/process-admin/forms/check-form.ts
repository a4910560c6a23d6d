import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { compileFormJs } from "../../workflow/form-js";
import type { FormDraftInput } from "./forms.schema";
import { explained } from "./schema-problems";
import { storedSchema } from "./save-form-draft";

/**
 * Whether the designer's form would publish: it compiles into fields the server can
 * check. Nothing is stored. A refusal is form_schema_invalid with the reason.
 */
export async function checkForm(who: EmployeeActor, input: Pick<FormDraftInput, "key" | "titleZh" | "titleEn" | "schema">) {
  requirePermission(who, "process.design");
  const definition = await explained(() => compileFormJs(input.key, input.titleZh, input.titleEn || input.titleZh, storedSchema(input.key, input.schema)));
  return { fields: definition.fields.length, required: definition.fields.filter((f) => f.required).length, conditional: definition.fields.filter((f) => f.hideIf).length };
}
