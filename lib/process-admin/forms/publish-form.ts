import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { compileFormJs } from "../../workflow/form-js";
import { publishFormVersion } from "../../workflow/form-store";
import type { FormDraftInput } from "./forms.schema";
import { explained } from "./schema-problems";
import { assertFormKey, storedSchema } from "./save-form-draft";

/**
 * Publishes the designer's form as the next immutable version and removes the pending
 * draft, in one transaction with their audit rows. Refused, with the reason, when the
 * schema does not compile (a field the server could not check), and when nothing
 * changed since the latest version (a second identical version would only confuse
 * the history). Processes pin the version they were published with.
 */
export async function publishForm(db: Db, who: EmployeeActor, input: FormDraftInput) {
  const actor = requirePermission(who, "process.design");
  const schema = storedSchema(input.key, input.schema);
  const titleEn = input.titleEn || input.titleZh;
  // Compiled before the transaction opens: a refused schema never holds the key's lock.
  await explained(() => compileFormJs(input.key, input.titleZh, titleEn, schema));
  return db.$transaction(async (tx) => {
    await assertFormKey(tx, input.key, input.isNew);
    const { version, created } = await explained(() => publishFormVersion(tx, actor, { key: input.key, titleZh: input.titleZh, titleEn, schema, source: "editor" }));
    if (!created) throw new AppError("form_unchanged", { params: { version } });
    const draft = await tx.formDraft.findUnique({ where: { key: input.key }, select: { key: true, updatedAt: true, basedOnVersion: true } });
    if (draft) {
      await tx.formDraft.delete({ where: { key: input.key } });
      await writeAudit(tx, actor, { action: "form.draft.published", entity: "FormDraft", entityId: input.key, before: draft, after: { version } });
    }
    return { key: input.key, version };
  });
}
