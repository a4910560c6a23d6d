import "server-only";
import type { Db, Tx } from "../db/client";
import { now } from "./clock";
import { AppError } from "../errors/app-error";
import { StepLimitExceeded } from "./engine-host";

/**
 * A step stopped by its limits (lib/workflow/limits.ts): the instance becomes an
 * incident with the reason, and stays exactly as it was stored before the step, so an
 * operator sees where it stood and can cancel it or move it onto a corrected version.
 */
export async function recordStepLimit(db: Db | Tx, instanceId: string, e: StepLimitExceeded, elementId?: string) {
  const write = async (tx: Tx) => {
    const r = await tx.processInstance.updateMany({
      where: { id: instanceId, status: "running" },
      data: { status: "incident", incidentCode: "step_budget", incident: e.detail.slice(0, 2000), version: { increment: 1 } },
    });
    if (r.count) await tx.instanceEvent.create({ data: { instanceId, at: now(), type: "instance.incident", elementId, data: { code: "step_budget", error: e.detail } } });
  };
  return "$transaction" in db ? (db as Db).$transaction(write) : write(db as Tx);
}

/**
 * Runs a step's transaction (a task completion, a message, a token move). When the
 * step goes past its limits, the transaction is rolled back, the instance (the one
 * `track` named) becomes an incident as it was stored, and the caller is told why
 * (AppError step_limit) instead of getting a raw engine error.
 */
export async function stepOrIncident<T>(db: Db, run: (track: (instanceId: string) => void) => Promise<T>): Promise<T> {
  let instanceId: string | undefined;
  try {
    return await run((id) => (instanceId = id));
  } catch (e) {
    if (!(e instanceof StepLimitExceeded) || !instanceId) throw e;
    await recordStepLimit(db, instanceId, e);
    throw new AppError("step_limit", { details: { detail: e.detail }, cause: e });
  }
}
