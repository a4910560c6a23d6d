"use server";

import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { customerImportTarget } from "@/lib/crm/customer-import-target";
import { createImportRun, importProgress, IMPORT_PERMISSION } from "@/lib/imports/import-run";
import { prepareImport } from "@/lib/imports/prepare-import";
import { previewImport } from "@/lib/imports/preview-import";
import { startImport } from "@/lib/imports/start-import";

// The use-cases check that the import is the user's own, validate the rest and write the audit rows.
const runId = z.string().max(40);

export const createImportAction = employeeAction(IMPORT_PERMISSION, z.object({}), async (_, { actor, db }) => createImportRun(db, actor, customerImportTarget));

export const prepareImportAction = employeeAction(IMPORT_PERMISSION, z.object({ runId, fileId: z.string().max(40) }), async ({ runId, fileId }, { actor, db }) =>
  prepareImport(db, actor, customerImportTarget, runId, fileId),
);

export const previewImportAction = employeeAction(IMPORT_PERMISSION, z.object({ runId, mapping: z.record(z.string().max(40), z.unknown()) }), async ({ runId, mapping }, { actor, db }) =>
  previewImport(db, actor, customerImportTarget, runId, mapping),
);

export const startImportAction = employeeAction(IMPORT_PERMISSION, z.object({ runId, decisions: z.record(z.string().max(12), z.string().max(12)) }), async ({ runId, decisions }, { actor, db }) =>
  startImport(db, actor, customerImportTarget, runId, decisions),
);

export const importProgressAction = employeeAction(IMPORT_PERMISSION, z.object({ runId }), async ({ runId }, { actor, db }) => importProgress(db, actor, customerImportTarget, runId));
