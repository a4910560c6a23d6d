import "server-only";
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

function json(v: unknown): Prisma.InputJsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  return JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
}

/** Call inside the transaction that makes the change, so both commit or neither. */
/** The parts of an actor the audit needs; any Actor fits. */
export type AuditActor = { realm: "employee" | "supplier" | "system"; id: string | null; supplierId?: string };

export async function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorRealm: actor.realm,
      actorId: actor.id,
      supplierId: actor.realm === "supplier" ? actor.supplierId : undefined,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
