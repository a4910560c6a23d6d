import "server-only";
import type { ImportTarget } from "../../imports/import-target";
import { checkLeadRows, LEAD_IMPORT_FIELDS, type LeadImportValue } from "./lead-import-check";
import { findLeadsByKeys, writeLeadRows } from "./lead-import-write";

/** Bulk import of leads (CRM-3) through the same importer as customers (lib/imports). */
export const leadImportTarget: ImportTarget<LeadImportValue> = {
  name: "lead",
  messages: "leadImport",
  jobKind: "crm.leadImport",
  fields: LEAD_IMPORT_FIELDS,
  label: (row) => row.raw.companyName ?? "",
  check: checkLeadRows,
  findExisting: findLeadsByKeys,
  write: writeLeadRows,
};
