import "server-only";
import { z } from "zod";
import { SYSTEM, type Actor } from "../auth/actor";
import { initialPassword } from "../auth/initial-password";
import { hashPassword } from "../auth/password";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import type { ServiceContext } from "../workflow/service-handler";
import { activateSupplier } from "./approve-supplier";
import { queueReviewRound, reviewedSupplierId, reviewUnderWay, startReviewFlow, startRoundNow, type ReviewKind } from "./review-rounds";

/** The re-review (processes/supplier-re-review.bpmn), SRM-3. */
export const RE_REVIEW: ReviewKind = { key: "supplier_re_review", job: "srm.startReReview" };
const SUPPLIER_DOCS = { ownerType: "Supplier" } as const;

const reReviewInput = z.object({
  supplierId: z.string().uuid("validation.invalid_value"),
  username: z.string().trim().toLowerCase().min(2, "validation.too_small").max(60, "validation.too_big").regex(/^[a-z0-9._-]+$/, "validation.username_format"),
  name: z.string().trim().min(1, "validation.required").max(100, "validation.too_big"),
  email: z.string().trim().email("validation.invalid_format").max(200).nullish().or(z.literal("")).transform((v) => v || null),
});

/**
 * Starts a potential supplier's re-review: its proof documents must be on file;
 * its portal account is created now, closed, with an initial password that is
 * returned once (to hand to the supplier) and stored only as a hash. The
 * account opens when the re-review approves. One transaction with the audit
 * rows and the job that starts the flow.
 */
export async function startReReview(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, "supplier_account.manage");
  // A malformed supplier id is a supplier that does not exist.
  if (!z.string().uuid().safeParse((raw as { supplierId?: unknown } | null)?.supplierId).success) throw new AppError("not_found");
  const input = parseInput(reReviewInput, raw);
  const password = initialPassword();
  const passwordHash = await hashPassword(password);
  let job: string;
  try {
    job = await db.$transaction(async (tx) => {
      const s = await tx.supplier.findUnique({ where: { id: input.supplierId }, select: { id: true, status: true } });
      if (!s) throw new AppError("not_found");
      // The row lock keeps two clicks from starting two re-reviews.
      await tx.$executeRaw`SELECT 1 FROM "Supplier" WHERE "id" = ${s.id} FOR UPDATE`;
      if (s.status !== "potential" || (await reviewUnderWay(tx, RE_REVIEW, s.id))) throw new AppError("supplier_re_review_not_possible");
      if (!(await tx.storedFile.count({ where: { ...SUPPLIER_DOCS, ownerId: s.id } }))) throw new AppError("supplier_documents_missing");
      // The supplier's first account is its administrator (unless it has one already); the
      // initial password was not chosen by its holder, who replaces it at first sign-in.
      const isAdmin = (await tx.supplierUser.count({ where: { supplierId: s.id, isAdmin: true } })) === 0;
      const u = await tx.supplierUser.create({ data: { supplierId: s.id, username: input.username, name: input.name, email: input.email, passwordHash, active: false, isAdmin, mustChangePassword: true } });
      await writeAudit(tx, actor, { action: "supplier_user.create", entity: "SupplierUser", entityId: u.id, after: { id: u.id, supplierId: s.id, username: u.username, name: u.name, email: u.email, active: false, isAdmin, mustChangePassword: true } });
      const key = await queueReviewRound(tx, RE_REVIEW, s.id, { accountId: u.id, startedBy: actor.id });
      await writeAudit(tx, actor, { action: "supplier.re_review_requested", entity: "Supplier", entityId: s.id, after: { account: u.username } });
      return key;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("validation", { fieldErrors: { username: "validation.taken" } });
    throw e;
  }
  // The password is returned even if the start has to wait for the job worker: it exists nowhere else.
  await startRoundNow(db, job, input.supplierId);
  return { username: input.username, password };
}

/** Job srm.startReReview: the flow, with the documents and the account for the reviewer to see. */
export function runStartReReview(db: Db, job: ClaimedJob) {
  return startReviewFlow(db, job, RE_REVIEW, async (supplierId) => {
    const [s, account, docs] = await Promise.all([
      db.supplier.findUnique({ where: { id: supplierId } }),
      db.supplierUser.findUnique({ where: { id: String(job.payload.accountId) }, select: { username: true } }),
      db.storedFile.findMany({ where: { ...SUPPLIER_DOCS, ownerId: supplierId }, orderBy: { createdAt: "asc" }, select: { name: true } }),
    ]);
    if (!s || s.status !== "potential" || !account) return null;
    return { businessKey: s.code, variables: { supplierCode: s.code, supplierName: s.name, portalUsername: account.username, documents: docs.map((d) => d.name).join("\n"), custom: s.custom } };
  });
}

/**
 * Service task srm.openSupplierAccount: an approved re-review makes a potential
 * supplier active (written to the ERP through the outbox) and, once the supplier
 * is active, opens the portal account the re-review created (user names are
 * unique). The audit rows name the approver. Idempotent; a supplier suspended
 * meanwhile stays as it is, and so does its account.
 */
export async function openSupplierAccountStep(ctx: ServiceContext) {
  const supplierId = await reviewedSupplierId(ctx.db, ctx.instanceId);
  const username = String(ctx.variables.portalUsername ?? "");
  const approval = await ctx.db.task.findFirst({ where: { instanceId: ctx.instanceId, elementId: "re_review", status: "completed" }, orderBy: { completedAt: "desc" }, select: { completedById: true } });
  const approvedBy = approval?.completedById ?? null;
  const status = await ctx.db.$transaction(async (tx) => {
    let s = await tx.supplier.findUnique({ where: { id: supplierId } });
    if (!s) throw new Error(`supplier ${supplierId} not found`);
    if (s.status === "potential") s = await activateSupplier(tx, SYSTEM, s, { approvedBy, instanceId: ctx.instanceId });
    if (s.status !== "active") return s.status;
    const account = await tx.supplierUser.findFirst({ where: { supplierId, username, active: false } });
    if (account) {
      await tx.supplierUser.update({ where: { id: account.id }, data: { active: true } });
      await writeAudit(tx, SYSTEM, { action: "supplier_user.activate", entity: "SupplierUser", entityId: account.id, before: { active: false }, after: { active: true, approvedBy, instanceId: ctx.instanceId } });
    }
    return s.status;
  });
  return { supplierStatus: status };
}
