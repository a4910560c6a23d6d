import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission, requireSupplierUser } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { now } from "../../workflow/clock";
import { dayOf, daysLeft } from "./certificate-dates";

/** One supplier's documents, newest first per type, with the days left of the valid ones. */
async function documentsOf(db: Db, supplierId: string) {
  const at = now();
  const docs = await db.supplierDocument.findMany({
    where: { supplierId },
    orderBy: [{ type: { position: "asc" } }, { createdAt: "desc" }, { id: "asc" }],
    include: { type: { select: { code: true, nameZh: true, nameEn: true } } },
    take: 100,
  });
  const files = new Map((await db.storedFile.findMany({ where: { id: { in: docs.map((d) => d.fileId) }, supplierId }, select: { id: true, name: true } })).map((f) => [f.id, f.name]));
  return docs.map((d) => ({
    id: d.id,
    type: d.type,
    number: d.number,
    validFrom: d.validFrom ? dayOf(d.validFrom) : null,
    validUntil: d.validUntil ? dayOf(d.validUntil) : null,
    daysLeft: d.status === "valid" && d.validUntil ? daysLeft(d.validUntil, at) : null,
    status: d.status,
    rejectReason: d.rejectReason,
    file: files.has(d.fileId) ? { id: d.fileId, name: files.get(d.fileId)! } : null,
    createdAt: d.createdAt,
  }));
}

export type SupplierDocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];

/** The mandatory types of a supplier (by its categories) it holds no valid document of. */
async function missingMandatory(db: Db, supplierId: string) {
  return db.certificateType.findMany({
    where: { requiredFor: { some: { category: { suppliers: { some: { supplierId } } } } }, documents: { none: { supplierId, status: "valid" } } },
    orderBy: [{ position: "asc" }, { code: "asc" }],
    select: { code: true, nameZh: true, nameEn: true },
  });
}

/**
 * The archive's certificates section: the supplier's categories (and all there are, for
 * purchasing to change them), its documents, the mandatory ones it lacks, and why it is
 * blocked, if it is.
 */
export async function getSupplierCertificates(db: Db, who: Actor, supplierId: string) {
  requirePermission(who, "srm.view");
  const supplier = await db.supplier.findUnique({ where: { id: supplierId }, select: { id: true, blockedAt: true, blockedReason: true, categories: { select: { categoryId: true } } } });
  if (!supplier) throw new AppError("not_found");
  const [categories, documents, missing] = await Promise.all([
    db.supplierCategory.findMany({ orderBy: [{ position: "asc" }, { code: "asc" }], select: { id: true, code: true, nameZh: true, nameEn: true } }),
    documentsOf(db, supplierId),
    missingMandatory(db, supplierId),
  ]);
  return { supplierId, blockedAt: supplier.blockedAt, blockedReason: supplier.blockedReason, categories, categoryIds: supplier.categories.map((c) => c.categoryId), documents, missing };
}

/** The portal's view: the session's supplier's documents, the types it may hand in, and its blocked state. */
export async function listPortalCertificates(db: Db, who: Actor | null) {
  const actor = requireSupplierUser(who);
  const [supplier, types, documents, missing] = await Promise.all([
    db.supplier.findUniqueOrThrow({ where: { id: actor.supplierId }, select: { blockedAt: true, blockedReason: true } }),
    db.certificateType.findMany({ orderBy: [{ position: "asc" }, { code: "asc" }], select: { id: true, nameZh: true, nameEn: true, validityRequired: true } }),
    documentsOf(db, actor.supplierId),
    missingMandatory(db, actor.supplierId),
  ]);
  return { supplierId: actor.supplierId, ...supplier, types, documents, missing };
}

/** For the portal home: the valid documents that expire within 30 days or have expired, soonest first. */
export async function portalExpiringDocuments(db: Db, supplierId: string) {
  const docs = (await documentsOf(db, supplierId)).filter((d) => d.daysLeft !== null && d.daysLeft <= 30);
  return docs.sort((a, b) => a.daysLeft! - b.daysLeft!);
}
