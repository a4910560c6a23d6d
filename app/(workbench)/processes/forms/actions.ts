"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { checkForm } from "@/lib/process-admin/forms/check-form";
import { diffFormVersions } from "@/lib/process-admin/forms/diff-form-versions";
import { exportFormVersion } from "@/lib/process-admin/forms/export-form";
import { formDiffInput, formDraftInput, formKeyInput, formVersionInput, importFormInput } from "@/lib/process-admin/forms/forms.schema";
import { importForm } from "@/lib/process-admin/forms/import-form";
import { listFormVersions } from "@/lib/process-admin/forms/list-form-versions";
import { publishForm } from "@/lib/process-admin/forms/publish-form";
import { discardFormDraft, saveFormDraft } from "@/lib/process-admin/forms/save-form-draft";

const LIST = "/processes/forms";
const page = (key: string) => `${LIST}/${encodeURIComponent(key)}`;

export const saveFormDraftAction = employeeAction("process.design", formDraftInput, async (input, { actor, db }) => {
  const saved = await saveFormDraft(db, actor, input);
  revalidatePath(LIST);
  return saved;
});

/** Live check in the designer: nothing is stored. */
export const checkFormAction = employeeAction("process.design", formDraftInput, async (input, { actor }) => checkForm(actor, input));

// The permission is checked once, by publishForm.
export const publishFormAction = employeeAction(null, formDraftInput, async (input, { actor, db }) => {
  const published = await publishForm(db, actor, input);
  revalidatePath(LIST);
  revalidatePath(page(input.key));
  return { ...published, versions: await listFormVersions(db, actor, input.key) };
});

export const discardFormDraftAction = employeeAction("process.design", formKeyInput, async ({ key }, { actor, db }) => {
  const r = await discardFormDraft(db, actor, key);
  revalidatePath(LIST);
  return r;
});

export const importFormAction = employeeAction("process.design", importFormInput, async (input, { actor, db }) => {
  const r = await importForm(db, actor, input);
  revalidatePath(LIST);
  return r;
});

export const exportFormAction = employeeAction("process.design", formVersionInput, async ({ key, version }, { actor, db }) => exportFormVersion(db, actor, key, version));

export const diffFormAction = employeeAction("process.design", formDiffInput, async ({ key, from, to }, { actor, db }) => diffFormVersions(db, actor, key, from, to));
