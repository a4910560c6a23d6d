"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { isAppError } from "@/lib/errors/app-error";
import { publishedFormKeys } from "@/lib/workflow/form-store";
import { checkDiagram } from "@/lib/process-admin/check-diagram";
import { checkDiagramInput, diagramInput, discardDraftInput, dryRunInput, migrateInput, rollbackInput } from "@/lib/process-admin/process-admin.schema";
import type { DiagramProblem } from "@/lib/process-admin/problems";
import { publishProcess, rollbackToVersion } from "@/lib/process-admin/publish-process";
import { discardDraft, saveDraft } from "@/lib/process-admin/save-draft";
import { dryRunProcess } from "@/lib/workflow/dry-run";
import { migrateInstances } from "@/lib/workflow/migrate-instances";

/** Live validation while editing: nothing is stored. */
export const checkDiagramAction = employeeAction("process.design", checkDiagramInput, async ({ xml }, { db }) => checkDiagram(xml, await publishedFormKeys(db)));

export const saveDraftAction = employeeAction("process.design", diagramInput, async (input, { actor, db }) => {
  const saved = await saveDraft(db, actor, input);
  revalidatePath("/processes");
  return saved;
});

export const discardDraftAction = employeeAction("process.design", discardDraftInput, async ({ key }, { actor, db }) => {
  await discardDraft(db, actor, key);
  revalidatePath("/processes");
  return { key };
});

/** A refused publish is an answer with the problems (on their elements), not an error. */
// The permission is checked once, by publishProcess, where the version is written.
export const publishAction = employeeAction(null, diagramInput, async (input, { actor, db }) => {
  try {
    const published = await publishProcess(db, actor, input);
    revalidatePath("/processes");
    return { published: true as const, ...published };
  } catch (e) {
    if (isAppError(e) && e.code === "bpmn_invalid") return { published: false as const, problems: (e.details ?? []) as DiagramProblem[] };
    throw e;
  }
});

export const rollbackAction = employeeAction("process.design", rollbackInput, async ({ key, version }, { actor, db }) => {
  const r = await rollbackToVersion(db, actor, key, version);
  revalidatePath(`/processes/${key}`);
  revalidatePath("/processes");
  return r;
});

export const dryRunAction = employeeAction("process.design", dryRunInput, async ({ xml, variables, choices }, { actor, db }) => dryRunProcess(db, actor, xml, variables, choices));

export const migrateAction = employeeAction("process.operate", migrateInput, async (input, { actor, db }) => {
  const r = await migrateInstances(db, actor, input);
  revalidatePath(`/processes/${input.key}`);
  return r;
});
