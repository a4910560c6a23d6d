import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { INITIAL_REVIEW, queueInitialReview } from "./initial-review";
import { reviewUnderWay, startRoundNow } from "./review-rounds";

/**
 * Sends a registered supplier whose initial review was not approved to review
 * again (after its data was completed); the new round shows the earlier
 * decisions to the reviewer. Refused while a review runs or once it passed.
 */
export async function resubmitInitialReview(db: Db, who: Actor, supplierId: string) {
  const actor = requirePermission(who, "supplier.manage");
  if (!z.string().uuid().safeParse(supplierId).success) throw new AppError("not_found");
  const job = await db.$transaction(async (tx) => {
    const s = await tx.supplier.findUnique({ where: { id: supplierId }, select: { id: true, status: true } });
    if (!s) throw new AppError("not_found");
    // The row lock keeps two clicks from queueing two rounds.
    await tx.$executeRaw`SELECT 1 FROM "Supplier" WHERE "id" = ${s.id} FOR UPDATE`;
    if (s.status !== "registered" || (await reviewUnderWay(tx, INITIAL_REVIEW, s.id))) throw new AppError("supplier_review_not_possible");
    const key = await queueInitialReview(tx, s.id, actor.id);
    await writeAudit(tx, actor, { action: "supplier.review_requested", entity: "Supplier", entityId: s.id, after: { job: key } });
    return key;
  });
  await startRoundNow(db, job, supplierId);
}
