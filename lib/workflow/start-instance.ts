import "server-only";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { applyOutcome } from "./apply-outcome";
import { now } from "./clock";
import { runStep, StepLimitExceeded } from "./engine-host";
import { loadContext } from "./engine-context";
import { latestDefinition, TX_OPTIONS } from "./load-definition";
import { startPolicy } from "./start-policy";

export type StartInput = {
  key: string;
  businessKey?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  supplierId?: string | null;
  variables?: Record<string, unknown>;
  /** The caller's idempotency key: a second start with it returns the first instance. */
  startKey?: string | null;
  /**
   * Links the business record to its new instance inside the starting transaction, so
   * a crash cannot leave a flow whose record does not know it. Throwing abandons the start.
   */
  link?: (tx: Tx, instanceId: string) => Promise<void>;
};

export type Started = { id: string; status: string; businessKey: string | null; definition: { key: string; version: number }; replayed: boolean };

/** Idempotency keys are the caller's own: the same key from someone else is another start. */
const ownStartKey = (actor: Actor, startKey: string | null | undefined) => (startKey ? `${actor.realm}:${actor.id ?? "system"}:${startKey}` : null);

async function replay(db: Db | Tx, key: string, startKey: string): Promise<Started | null> {
  const found = await db.processInstance.findUnique({ where: { startKey }, select: { id: true, status: true, businessKey: true, definition: { select: { key: true, version: true } } } });
  if (!found) return null;
  // The same key for another process is not a retry of this start.
  if (found.definition.key !== key) throw new AppError("conflict");
  return { id: found.id, status: found.status, businessKey: found.businessKey, definition: found.definition, replayed: true };
}

/** The instance an earlier start with this caller's start key made, if any. */
export function earlierStart(db: Db, actor: Actor, key: string, startKey: string | null | undefined): Promise<Started | null> {
  const own = ownStartKey(actor, startKey);
  return own ? replay(db, key, own) : Promise.resolve(null);
}

/**
 * A business key may serve one instance of a process (any version) when the process
 * declares ff:uniqueBusinessKey; a cancelled instance frees it. Checked under a lock on
 * the key, inside the starting transaction, so two starts at once cannot both pass.
 */
async function assertBusinessKeyFree(tx: Tx, processKey: string, businessKey: string) {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`business-key-use:${processKey}:${businessKey}`}))) AS l`;
  const taken = await tx.processInstance.count({ where: { businessKey, status: { not: "cancelled" }, definition: { key: processKey } } });
  if (taken) throw new AppError("business_key_taken", { params: { key: businessKey } });
}

/**
 * Starts the latest version of a process and runs it to its first wait, in one
 * transaction with its tasks, jobs, history and audit row. With a start key, a
 * start sent again (a retry after a lost answer, a double click) returns the
 * instance the first one made.
 */
export async function startInstance(db: Db, actor: Actor, input: StartInput): Promise<Started> {
  const startKey = ownStartKey(actor, input.startKey);
  if (startKey) {
    const earlier = await replay(db, input.key, startKey);
    if (earlier) return earlier;
  }
  const at = now();
  try {
    return await db.$transaction(async (tx) => {
      const def = await latestDefinition(tx, input.key);
      if (input.businessKey && startPolicy(def.context).uniqueBusinessKey) await assertBusinessKeyFree(tx, def.key, input.businessKey);
      const variables = { ...(input.variables ?? {}), initiator: actor.id, businessKey: input.businessKey ?? null, ...(input.supplierId ? { supplierId: input.supplierId } : {}) };
      const outcome = await runStep(loadContext(def.id, def.context), null, { kind: "start" }, variables).catch((e) => {
        // No instance exists yet to hold an incident: the start is refused with the reason.
        if (e instanceof StepLimitExceeded) throw new AppError("step_limit", { details: { detail: e.detail }, cause: e });
        throw e;
      });
      if (!outcome) throw new AppError("conflict");
      const instance = await tx.processInstance.create({
        data: {
          definitionId: def.id,
          businessKey: input.businessKey ?? null,
          recordType: input.recordType ?? null,
          recordId: input.recordId ?? null,
          supplierId: input.supplierId ?? null,
          state: {},
          startedBy: actor.id,
          startKey,
          startedAt: at,
        },
      });
      const startedEvent = { at: new Date(at.getTime() - 1), type: "instance.started", actorId: actor.id, data: { key: def.key, version: def.version, variables: input.variables ?? {} } };
      const { status } = await applyOutcome(tx, { id: instance.id, version: 0, businessKey: instance.businessKey, supplierId: instance.supplierId }, outcome, at, actor.id, [startedEvent]);
      await writeAudit(tx, actor, { action: "process.start", entity: "ProcessInstance", entityId: instance.id, after: { key: def.key, version: def.version, businessKey: input.businessKey, status } });
      if (input.link) await input.link(tx, instance.id);
      return { id: instance.id, status, businessKey: instance.businessKey, definition: { key: def.key, version: def.version }, replayed: false };
    }, TX_OPTIONS);
  } catch (e) {
    // Two identical starts at the same moment: the loser returns what the winner made.
    const earlier = startKey && isUniqueViolation(e) ? await replay(db, input.key, startKey) : null;
    if (earlier) return earlier;
    throw e;
  }
}
