import "server-only";
import type { ImportTarget } from "../imports/import-target";
import { checkCustomerRows, CUSTOMER_IMPORT_FIELDS, type CustomerImportValue } from "./customer-import-check";
import { findCustomersByKeys, writeCustomerRows } from "./customer-import-write";

/** Bulk import of customers (issue 16): what lib/imports needs to read, check, match and write them. */
export const customerImportTarget: ImportTarget<CustomerImportValue> = {
  name: "customer",
  jobKind: "crm.customerImport",
  fields: CUSTOMER_IMPORT_FIELDS,
  label: (row) => row.raw.name ?? "",
  check: checkCustomerRows,
  findExisting: findCustomersByKeys,
  write: writeCustomerRows,
};
