import "server-only";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { applyOutcome } from "./apply-outcome";
import { now } from "./clock";
import { loadContext, runStep } from "./engine-host";
import { latestDefinition, TX_OPTIONS } from "./load-definition";

export type StartInput = {
  key: string;
  businessKey?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  supplierId?: string | null;
  variables?: Record<string, unknown>;
};

/**
 * Starts the latest version of a process and runs it to its first wait, in one
 * transaction with its tasks, jobs, history and audit row.
 */
export async function startInstance(db: Db, actor: Actor, input: StartInput) {
  const at = now();
  return db.$transaction(async (tx) => {
    const def = await latestDefinition(tx, input.key);
    const variables = { ...(input.variables ?? {}), initiator: actor.id, businessKey: input.businessKey ?? null, ...(input.supplierId ? { supplierId: input.supplierId } : {}) };
    const outcome = await runStep(loadContext(def.id, def.context), null, { kind: "start" }, variables);
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
        startedAt: at,
      },
    });
    const startedEvent = { at: new Date(at.getTime() - 1), type: "instance.started", actorId: actor.id, data: { key: def.key, version: def.version, variables: input.variables ?? {} } };
    const { status } = await applyOutcome(tx, { id: instance.id, version: 0, businessKey: instance.businessKey, supplierId: instance.supplierId }, outcome, at, actor.id, [startedEvent]);
    await writeAudit(tx, actor, { action: "process.start", entity: "ProcessInstance", entityId: instance.id, after: { key: def.key, version: def.version, businessKey: input.businessKey, status } });
    return { id: instance.id, status, definition: { key: def.key, version: def.version } };
  }, TX_OPTIONS);
}
