import "server-only";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";

/**
 * Who may see and attach files of one kind of record. Files have no rights of
 * their own: every check goes to the record the file belongs to.
 */
export interface OwnerAccess {
  canRead(actor: Actor, ownerId: string, db: Db | Tx): Promise<boolean>;
  canWrite(actor: Actor, ownerId: string, db: Db | Tx): Promise<boolean>;
  /** The supplier (tenant) the record belongs to, if any; stored on the file row for scoped queries. */
  supplierIdOf(ownerId: string, db: Db | Tx): Promise<string | null>;
  /** Text files may also be GBK / GB18030 (imports decode them); otherwise text must be UTF-8. */
  legacyText?: boolean;
}
