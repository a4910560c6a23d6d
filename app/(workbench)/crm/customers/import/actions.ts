"use server";

import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { crmImportTarget, importTargetOf } from "@/lib/crm/import-targets";
import { createImportRun, importProgress, IMPORT_PERMISSION } from "@/lib/imports/import-run";
import { prepareImport } from "@/lib/imports/prepare-import";
import { previewImport } from "@/lib/imports/preview-import";
import { startImport } from "@/lib/imports/start-import";

// The use-cases check that the import is the user's own (and of this target), validate the rest and write the audit rows.
// Customers and leads share these (the target names which).
const runId = z.string().max(40);
const target = crmImportTarget.default("customer");

export const createImportAction = employeeAction(IMPORT_PERMISSION, z.object({ target }), async ({ target }, { actor, db }) => createImportRun(db, actor, importTargetOf(target)));

export const prepareImportAction = employeeAction(IMPORT_PERMISSION, z.object({ target, runId, fileId: z.string().max(40) }), async ({ target, runId, fileId }, { actor, db }) =>
  prepareImport(db, actor, importTargetOf(target), runId, fileId),
);

export const previewImportAction = employeeAction(IMPORT_PERMISSION, z.object({ target, runId, mapping: z.record(z.string().max(40), z.unknown()) }), async ({ target, runId, mapping }, { actor, db }) =>
  previewImport(db, actor, importTargetOf(target), runId, mapping),
);

export const startImportAction = employeeAction(IMPORT_PERMISSION, z.object({ target, runId, decisions: z.record(z.string().max(12), z.string().max(12)) }), async ({ target, runId, decisions }, { actor, db }) =>
  startImport(db, actor, importTargetOf(target), runId, decisions),
);

export const importProgressAction = employeeAction(IMPORT_PERMISSION, z.object({ target, runId }), async ({ target, runId }, { actor, db }) => importProgress(db, actor, importTargetOf(target), runId));
