import "server-only";
import type { Actor } from "../../auth/actor";
import { requireSupplierUser } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { logger } from "../../log/logger";
import { runJobNow } from "../../workflow/jobs/run-job-now";
import { supplierDocumentInput } from "./certificates.schema";
import { DOCUMENT_REVIEW } from "./document-review-names";

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00.000Z`) : null);

/**
 * A portal user hands in a document (a new one or a renewal) of the session's supplier:
 * its file was stored first on the supplier (owner "Supplier", so the portal's document
 * list and the review's task show it); another supplier's file is not found. The
 * document is pending until quality approves it in its review flow, whose start job
 * commits with the document and its audit row.
 */
export async function submitSupplierDocument(db: Db, who: Actor | null, raw: unknown) {
  const actor = requireSupplierUser(who);
  const input = parseInput(supplierDocumentInput, raw);
  const supplierId = actor.supplierId;
  const [type, file] = await Promise.all([
    db.certificateType.findUnique({ where: { id: input.typeId } }),
    db.storedFile.findFirst({ where: { id: input.fileId, ownerType: "Supplier", ownerId: supplierId, supplierId }, select: { id: true, name: true } }),
  ]);
  if (!type) throw new AppError("validation", { fieldErrors: { typeId: "validation.invalid_value" } });
  if (!file) throw new AppError("not_found");
  if (type.validityRequired && !input.validUntil) throw new AppError("validation", { fieldErrors: { validUntil: "validation.required" } });
  const { doc, job } = await db.$transaction(async (tx) => {
    if (await tx.supplierDocument.count({ where: { fileId: file.id } })) throw new AppError("conflict");
    const doc = await tx.supplierDocument.create({
      data: { supplierId, typeId: type.id, number: input.number, validFrom: day(input.validFrom), validUntil: day(input.validUntil), fileId: file.id, submittedBy: actor.id },
    });
    await writeAudit(tx, actor, { action: "supplier_document.submit", entity: "SupplierDocument", entityId: doc.id, after: { type: type.code, number: doc.number, validFrom: input.validFrom, validUntil: input.validUntil, file: file.name } });
    const job = `${DOCUMENT_REVIEW.job}:${doc.id}`;
    await tx.job.create({ data: { kind: DOCUMENT_REVIEW.job, idempotencyKey: job, payload: { documentId: doc.id } } });
    return { doc, job };
  });
  await runJobNow(db, job).catch((err) => logger.warn({ err, documentId: doc.id }, "document review not started now; the job worker will"));
  return { id: doc.id };
}
