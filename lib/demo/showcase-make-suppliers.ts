import "server-only";
import type { EmployeeActor } from "../auth/actor";
import type { Db } from "../db/client";
import { approveSupplier } from "../srm/approve-supplier";
import { setSupplierCategories } from "../srm/certificates/set-supplier-categories";
import { submitSupplierDocument } from "../srm/certificates/submit-supplier-document";
import { createSupplier } from "../srm/create-supplier";
import { INITIAL_REVIEW } from "../srm/initial-review";
import { registerSupplier } from "../srm/register-supplier";
import { createSupplierUser } from "../srm/supplier-accounts";
import { complete, dayIn, portalActor, settle, uploadScan } from "./showcase-kit";
import { documentNumber, type ShowcaseDocument, type ShowcaseSupplier } from "./showcase-suppliers";

export type ShowcaseCrew = { admin: EmployeeActor; buyer: EmployeeActor; lead: EmployeeActor; quality: EmployeeActor };

/**
 * One showcase supplier, the way purchasing makes one: registered (its initial review
 * starts), approved in that review (potential), approved as a supplier (active, written
 * to the ERP); a suspended one is entered as such. Then its categories and, for an
 * active one, its portal administrator and documents.
 */
export async function makeShowcaseSupplier(db: Db, crew: ShowcaseCrew, d: ShowcaseSupplier, password: string) {
  const form = { code: d.code, name: d.name, taxCode: d.taxCode, paymentTermCode: d.paymentTermCode, contactName: d.contactName, contactPhone: d.contactPhone, address: d.address };
  let supplierId: string;
  if (d.status === "suspended") {
    supplierId = (await createSupplier(db, crew.admin, { ...form, status: "suspended" })).id;
  } else {
    supplierId = (await registerSupplier(db, crew.buyer, form)).id;
    await settle(db);
    if (d.status !== "registered") {
      const review = await db.task.findFirstOrThrow({ where: { elementId: "initial_review", status: "open", instance: { businessKey: d.code, definition: { key: INITIAL_REVIEW.key } } } });
      await complete(db, crew.lead, review.instanceId, "initial_review", { decision: "approve", comment: "营业执照与工厂照片齐全，同意进入潜在供应商" });
    }
    if (d.status === "active") {
      await approveSupplier(db, crew.lead, supplierId);
      await settle(db);
    }
  }
  const categories = await db.supplierCategory.findMany({ where: { code: { in: d.categories } }, select: { id: true } });
  await setSupplierCategories(db, crew.buyer, { supplierId, categoryIds: categories.map((c) => c.id) });
  if (!d.documents?.length) return;
  const username = d.code.toLowerCase();
  await createSupplierUser(db, crew.admin, { supplierId, username, name: d.contactName, password, email: `${username}@supplier.demo`, isAdmin: true }, { passwordKnownToUser: true });
  for (const doc of d.documents) await handInDocument(db, crew, username, d.code, doc);
}

/**
 * The supplier hands a document in from the portal (its scan uploaded first) and quality
 * approves it in the review flow; an expired mandatory one blocks the supplier there.
 */
export async function handInDocument(db: Db, crew: ShowcaseCrew, username: string, code: string, [type, daysLeft]: ShowcaseDocument) {
  const user = await portalActor(db, username);
  const typeRow = await db.certificateType.findUniqueOrThrow({ where: { code: type } });
  const number = documentNumber(code, type);
  const file = await uploadScan(db, user, `${typeRow.nameZh}-${number}.pdf`);
  const { id } = await submitSupplierDocument(db, user, { typeId: typeRow.id, number, validFrom: dayIn(daysLeft - 3 * 365), validUntil: dayIn(daysLeft), fileId: file.id });
  await settle(db);
  const { instanceId } = await db.supplierDocument.findUniqueOrThrow({ where: { id }, select: { instanceId: true } });
  if (!instanceId) throw new Error(`showcase: the review of ${number} did not start`);
  await complete(db, crew.quality, instanceId, "quality_review", { decision: "approve", comment: "" });
}
