import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError, isUniqueViolation } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { now } from "../../workflow/clock";
import { runJobNow } from "../../workflow/jobs/run-job-now";
import { refreshSupplierBlock } from "./supplier-block";
import { certificateRequirementInput, certificateTypeInput, supplierCategoryInput } from "./certificates.schema";

// Document types, supplier categories and which types a category requires are the
// organisation's set-up: the administrator's permission guards them, and every change
// writes its audit row in the same transaction. Codes stay once made (lists and
// reminders name them); names and the validity switch change.
const ADMIN = "org.manage" as const;

const codeTaken = (e: unknown) => {
  if (isUniqueViolation(e)) throw new AppError("duplicate", { fieldErrors: { code: "errors.duplicate" } });
  throw e;
};

/** Creates or updates a document type. */
export async function saveCertificateType(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, ADMIN);
  const { id, ...input } = parseInput(certificateTypeInput, raw);
  const data = { ...input, nameEn: input.nameEn || input.nameZh };
  return db
    .$transaction(async (tx) => {
      if (!id) {
        const last = await tx.certificateType.aggregate({ _max: { position: true } });
        const created = await tx.certificateType.create({ data: { ...data, position: (last._max.position ?? -1) + 1 } });
        await writeAudit(tx, actor, { action: "certificate_type.create", entity: "CertificateType", entityId: created.id, after: created });
        return created;
      }
      const before = await tx.certificateType.findUnique({ where: { id } });
      if (!before) throw new AppError("not_found");
      const after = await tx.certificateType.update({ where: { id }, data: { nameZh: data.nameZh, nameEn: data.nameEn, validityRequired: data.validityRequired } });
      await writeAudit(tx, actor, { action: "certificate_type.update", entity: "CertificateType", entityId: id, before, after });
      return after;
    })
    .catch(codeTaken);
}

/** Creates or renames a supplier category. */
export async function saveSupplierCategory(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, ADMIN);
  const { id, ...input } = parseInput(supplierCategoryInput, raw);
  const data = { ...input, nameEn: input.nameEn || input.nameZh };
  return db
    .$transaction(async (tx) => {
      if (!id) {
        const last = await tx.supplierCategory.aggregate({ _max: { position: true } });
        const created = await tx.supplierCategory.create({ data: { ...data, position: (last._max.position ?? -1) + 1 } });
        await writeAudit(tx, actor, { action: "supplier_category.create", entity: "SupplierCategory", entityId: created.id, after: created });
        return created;
      }
      const before = await tx.supplierCategory.findUnique({ where: { id } });
      if (!before) throw new AppError("not_found");
      const after = await tx.supplierCategory.update({ where: { id }, data: { nameZh: data.nameZh, nameEn: data.nameEn } });
      await writeAudit(tx, actor, { action: "supplier_category.update", entity: "SupplierCategory", entityId: id, before, after });
      return after;
    })
    .catch(codeTaken);
}

/**
 * Makes a type mandatory (or optional) for the suppliers of a category. A supplier is
 * blocked only by an expired mandatory document, found by the daily sweep; a missing
 * one is shown in the archive but blocks nothing (a new rule would otherwise stop
 * every existing supplier's orders at once).
 */
export async function setCertificateRequirement(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, ADMIN);
  const input = parseInput(certificateRequirementInput, raw);
  const outcome = await db.$transaction(async (tx) => {
    const [category, type] = await Promise.all([
      tx.supplierCategory.findUnique({ where: { id: input.categoryId } }),
      tx.certificateType.findUnique({ where: { id: input.typeId } }),
    ]);
    if (!category || !type) throw new AppError("not_found");
    const key = { categoryId_typeId: { categoryId: category.id, typeId: type.id } };
    const had = (await tx.certificateRequirement.count({ where: key.categoryId_typeId })) > 0;
    if (had === input.required) return { changed: false, released: [] };
    if (input.required) await tx.certificateRequirement.create({ data: key.categoryId_typeId });
    else await tx.certificateRequirement.delete({ where: key });
    const entry = { category: category.code, type: type.code };
    await writeAudit(tx, actor, { action: input.required ? "certificate_requirement.add" : "certificate_requirement.remove", entity: "SupplierCategory", entityId: category.id, after: entry });
    // The rule holds at once for the category's suppliers: blocked by an expired document of the type, or released.
    const released: string[] = [];
    for (const s of await tx.supplierCategoryAssignment.findMany({ where: { categoryId: category.id }, select: { supplierId: true } })) {
      released.push(...(await refreshSupplierBlock(tx, actor, s.supplierId, now())));
    }
    return { changed: true, released };
  });
  for (const key of outcome.released) await runJobNow(db, key);
  return { changed: outcome.changed };
}

/** Everything the set-up page shows: types and categories in order, and the mandatory pairs. */
export async function listCertificateSetup(db: Db, who: Actor) {
  requirePermission(who, ADMIN);
  const [types, categories, requirements] = await Promise.all([
    db.certificateType.findMany({ orderBy: [{ position: "asc" }, { code: "asc" }] }),
    db.supplierCategory.findMany({ orderBy: [{ position: "asc" }, { code: "asc" }] }),
    db.certificateRequirement.findMany({ select: { categoryId: true, typeId: true } }),
  ]);
  return { types, categories, required: requirements.map((r) => `${r.categoryId}:${r.typeId}`) };
}

export type CertificateSetup = Awaited<ReturnType<typeof listCertificateSetup>>;
