import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { cancelInstanceIn } from "../../workflow/cancel-instance";
import { now } from "../../workflow/clock";
import { TX_OPTIONS } from "../../workflow/load-definition";
import { cancelReasonSchema, type CancelReasonInput } from "../cancel-reason.schema";
import { assertMayEditContract, visibleContract } from "./contract-scope";

const CANCELLABLE = ["draft", "in_review", "approved"] as const;

/**
 * A contract not yet signed is cancelled with a reason by whoever may edit it. One in review
 * has its approval flow cancelled in the same transaction, so its open tasks leave the
 * reviewers' inboxes. Signed or already cancelled refuses with contract_state; a cancelled
 * contract can no longer be revised, submitted or signed (those use-cases check the status).
 */
export async function cancelContract(db: Db, who: Actor | null, id: string, raw: CancelReasonInput) {
  const actor = requirePermission(who, "crm.view");
  const { reason } = parseInput(cancelReasonSchema, raw);
  const c = await visibleContract(db, actor, id, { customer: { select: { ownerId: true, teamId: true } } });
  await assertMayEditContract(db, actor, c);
  if (!(CANCELLABLE as readonly string[]).includes(c.status)) throw new AppError("contract_state");
  const cancelledAt = now();
  return db.$transaction(async (tx) => {
    const moved = await tx.salesContract.updateMany({
      where: { id, status: c.status, currentVersion: c.currentVersion },
      data: { status: "cancelled", cancelReason: reason, cancelledAt, cancelledById: actor.id },
    });
    if (!moved.count) throw new AppError("contract_state");
    // An operator may already have cancelled the flow on /processes/instances: then there is nothing left to stop.
    const flow = c.status === "in_review" && c.instanceId ? await tx.processInstance.findUnique({ where: { id: c.instanceId }, select: { status: true } }) : null;
    const stopped = flow && (flow.status === "running" || flow.status === "incident") ? await cancelInstanceIn(tx, actor, { id: c.instanceId!, reason }) : null;
    await writeAudit(tx, actor, { action: "sales_contract.cancel", entity: "SalesContract", entityId: id, before: { status: c.status, version: c.currentVersion }, after: { status: "cancelled", reason, instanceId: stopped?.id ?? null, tasksCancelled: stopped?.tasksCancelled ?? 0 } });
    return { cancelledAt };
  }, TX_OPTIONS);
}
