import "server-only";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { processInstanceOwnerAccess } from "./process-instance-access";
import { supplierOwnerAccess } from "./supplier-owner-access";

/**
 * Who may see and attach files of one kind of record. Files have no rights of
 * their own: every check goes to the record the file belongs to.
 */
export interface OwnerAccess {
  canRead(actor: Actor, ownerId: string, db: Db | Tx): Promise<boolean>;
  canWrite(actor: Actor, ownerId: string, db: Db | Tx): Promise<boolean>;
  /** The supplier (tenant) the record belongs to, if any; stored on the file row for scoped queries. */
  supplierIdOf(ownerId: string, db: Db | Tx): Promise<string | null>;
}

/**
 * The registry: ownerType -> access rules. A domain that attaches files adds its
 * entry here; a type missing from this table is refused everywhere.
 */
const OWNER_ACCESS = new Map<string, OwnerAccess>([
  ["Supplier", supplierOwnerAccess],
  ["ProcessInstance", processInstanceOwnerAccess],
]);

export function ownerAccessFor(ownerType: string): OwnerAccess | null {
  return OWNER_ACCESS.get(ownerType) ?? null;
}

export function registeredOwnerTypes(): string[] {
  return [...OWNER_ACCESS.keys()];
}
