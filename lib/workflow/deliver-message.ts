import "server-only";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { applyOutcome } from "./apply-outcome";
import { now } from "./clock";
import { runStep } from "./engine-host";
import { instanceContext, TX_OPTIONS } from "./load-definition";
import { stepOrIncident } from "./record-incident";

/**
 * Delivers a named message to the instance waiting for it under a business key,
 * e.g. "supplier_confirmed" for order 4711. Nobody waiting is a clear error.
 */
export async function deliverMessage(db: Db, actor: Actor, input: { name: string; businessKey: string; data?: Record<string, unknown> }) {
  const at = now();
  return stepOrIncident(db, (track) => db.$transaction(async (tx) => {
    const sub = await tx.eventSubscription.findFirst({
      where: { messageName: input.name, businessKey: input.businessKey, instance: { status: "running" } },
      orderBy: { createdAt: "asc" },
      include: { instance: true },
    });
    if (!sub) throw new AppError("no_waiting_message", { params: { name: input.name, businessKey: input.businessKey } });
    const data = input.data ?? {};
    track(sub.instanceId);
    const outcome = await runStep(await instanceContext(tx, sub.instance.definitionId), sub.instance.state, { kind: "signal", executionId: sub.executionId, output: data, variables: data });
    if (!outcome) throw new AppError("conflict");
    const received = { at, type: "message.received", elementId: sub.elementId, actorId: actor.id, data: { name: input.name, data } };
    const { status } = await applyOutcome(tx, sub.instance, outcome, new Date(at.getTime() + 1), actor.id, [received]);
    await writeAudit(tx, actor, { action: "process.message", entity: "ProcessInstance", entityId: sub.instanceId, after: { name: input.name, businessKey: input.businessKey, status } });
    return { instanceId: sub.instanceId, status };
  }, TX_OPTIONS));
}
