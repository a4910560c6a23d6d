import "server-only";
import { CONTRACT_FILE_OWNER, contractOwnerAccess } from "../crm/contracts/contract-file-access";
import { CUSTOMER_LOG_FILE_OWNER, customerLogOwnerAccess } from "../crm/customer-log-file-access";
import { KNOWLEDGE_FILE_OWNER, knowledgeOwnerAccess } from "../crm/knowledge/knowledge-file-access";
import { REQUIREMENT_FILE_OWNER, requirementOwnerAccess } from "../crm/requirements/requirement-file-access";
import { importRunOwnerAccess } from "../imports/import-run-access";
import type { OwnerAccess } from "./owner-access-rules";
import { processInstanceOwnerAccess } from "./process-instance-access";
import { supplierOwnerAccess } from "./supplier-owner-access";

/**
 * The registry: ownerType -> access rules. A domain that attaches files adds its
 * entry here; a type missing from this table is refused everywhere.
 */
const OWNER_ACCESS = new Map<string, OwnerAccess>([
  ["Supplier", supplierOwnerAccess],
  ["ProcessInstance", processInstanceOwnerAccess],
  [KNOWLEDGE_FILE_OWNER, knowledgeOwnerAccess],
  [CUSTOMER_LOG_FILE_OWNER, customerLogOwnerAccess],
  ["ImportRun", importRunOwnerAccess],
  [REQUIREMENT_FILE_OWNER, requirementOwnerAccess],
  [CONTRACT_FILE_OWNER, contractOwnerAccess],
]);

export function ownerAccessFor(ownerType: string): OwnerAccess | null {
  return OWNER_ACCESS.get(ownerType) ?? null;
}
