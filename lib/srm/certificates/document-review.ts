import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { now } from "../../workflow/clock";
import type { ClaimedJob } from "../../workflow/jobs/claim-jobs";
import { runJobNow } from "../../workflow/jobs/run-job-now";
import type { ServiceContext } from "../../workflow/service-handler";
import { startInstance } from "../../workflow/start-instance";
import { dayOf } from "./certificate-dates";
import { DOCUMENT_REVIEW } from "./document-review-names";
import { refreshSupplierBlock } from "./supplier-block";

/**
 * Job srm.startDocumentReview: the review flow (processes/supplier-document-review.bpmn)
 * of one submitted document, its record the supplier (so the reviewer reads the
 * supplier's files on the task), linked to the document in the starting transaction.
 */
export async function runStartDocumentReview(db: Db, job: ClaimedJob) {
  const id = String(job.payload.documentId);
  const doc = await db.supplierDocument.findUnique({ where: { id }, include: { type: true, supplier: { select: { code: true, name: true } } } });
  if (!doc || doc.status !== "pending" || doc.instanceId) return;
  const file = await db.storedFile.findUnique({ where: { id: doc.fileId }, select: { name: true } });
  await startInstance(db, SYSTEM, {
    key: DOCUMENT_REVIEW.key,
    businessKey: `${doc.supplier.code}-${doc.type.code}-${doc.number}`,
    recordType: "Supplier",
    recordId: doc.supplierId,
    variables: {
      documentId: doc.id,
      supplierName: doc.supplier.name,
      documentType: doc.type.nameZh,
      documentNumber: doc.number,
      validFrom: doc.validFrom ? dayOf(doc.validFrom) : null,
      validUntil: doc.validUntil ? dayOf(doc.validUntil) : null,
      fileName: file?.name ?? null,
    },
    link: async (tx, instanceId) => {
      const linked = await tx.supplierDocument.updateMany({ where: { id: doc.id, instanceId: null, status: "pending" }, data: { instanceId } });
      if (!linked.count) throw new AppError("conflict");
    },
  });
}

async function documentOf(tx: Tx, ctx: ServiceContext) {
  const id = typeof ctx.variables.documentId === "string" ? ctx.variables.documentId : null;
  const doc = id ? await tx.supplierDocument.findUnique({ where: { id }, include: { type: true } }) : null;
  if (!doc || doc.instanceId !== ctx.instanceId) throw new Error(`instance ${ctx.instanceId} has no supplier document`);
  return doc;
}

/**
 * Service task srm.approveSupplierDocument: the document becomes the valid one of its
 * type (the earlier valid one is superseded) and the supplier's blocked state follows;
 * unblocking starts its held orders once. A re-run finds the document decided.
 */
export async function approveDocumentStep(ctx: ServiceContext) {
  const released = await ctx.db.$transaction(async (tx) => {
    const doc = await documentOf(tx, ctx);
    if (doc.status !== "pending") return [];
    await tx.supplierDocument.updateMany({ where: { supplierId: doc.supplierId, typeId: doc.typeId, status: "valid" }, data: { status: "superseded" } });
    await tx.supplierDocument.update({ where: { id: doc.id }, data: { status: "valid", decidedAt: now() } });
    await writeAudit(tx, SYSTEM, { action: "supplier_document.approve", entity: "SupplierDocument", entityId: doc.id, after: { type: doc.type.code, number: doc.number, status: "valid" } });
    return refreshSupplierBlock(tx, SYSTEM, doc.supplierId, now());
  });
  for (const key of released) await runJobNow(ctx.db, key);
  return { documentResult: "valid" };
}

/** Service task srm.rejectSupplierDocument: the supplier reads the reviewer's reason in the portal. */
export async function rejectDocumentStep(ctx: ServiceContext) {
  await ctx.db.$transaction(async (tx) => {
    const doc = await documentOf(tx, ctx);
    if (doc.status !== "pending") return;
    const reason = typeof ctx.variables.comment === "string" ? ctx.variables.comment.slice(0, 1000) : null;
    await tx.supplierDocument.update({ where: { id: doc.id }, data: { status: "rejected", rejectReason: reason, decidedAt: now() } });
    await writeAudit(tx, SYSTEM, { action: "supplier_document.reject", entity: "SupplierDocument", entityId: doc.id, after: { type: doc.type.code, number: doc.number, status: "rejected", reason } });
  });
  return { documentResult: "rejected" };
}
