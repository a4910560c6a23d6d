import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import { validateCustomValues } from "../custom-fields/custom-values";
import { loadCustomFields } from "../custom-fields/list-custom-fields";
import type { Db } from "../db/client";
import { AppError, isAppError, isUniqueViolation } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { queueInitialReview } from "./initial-review";
import { startRoundNow } from "./review-rounds";

const text = (max: number) => z.string().trim().max(max, "validation.too_big");
const optional = (max: number) => text(max).nullish().transform((v) => v || null);

/** What the registration screen sends (SRM-1): the tax and payment-term codes are picked from the ERP's lists. */
const supplierRegistration = z.object({
  code: text(40).min(1, "validation.required").regex(/^[A-Za-z0-9_-]+$/, "validation.code_format").transform((v) => v.toUpperCase()),
  name: text(200).min(1, "validation.required"),
  taxCode: text(40).min(1, "validation.pick_from_list"),
  paymentTermCode: text(40).min(1, "validation.pick_from_list"),
  contactName: text(100).min(1, "validation.required"),
  contactPhone: optional(40),
  address: optional(300),
});

/** The result of a check, or undefined with its field errors added to `into` (other errors are thrown on). */
function collect<T>(into: Record<string, string>, check: () => T): T | undefined {
  try {
    return check();
  } catch (e) {
    if (!isAppError(e) || e.code !== "validation") throw e;
    Object.assign(into, e.fieldErrors);
    return undefined;
  }
}

/**
 * Records a new supplier with status "registered". The codes must be active
 * entries of the master data (read from the ERP, or kept in the app with the
 * built-in connector); a name already on file is refused, so the same company
 * is not registered twice. The custom fields' values are checked against the
 * active fields and stored with it. One transaction with its audit row and the
 * job that starts its initial review (processes/supplier-initial-review.bpmn).
 */
export async function registerSupplier(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, "supplier.manage");
  const fields = await loadCustomFields(db, "supplier");
  // Every field's problem at once: the master data's and the custom fields' (sent as `custom`, by key).
  const fieldErrors: Record<string, string> = {};
  const input = collect(fieldErrors, () => parseInput(supplierRegistration, raw));
  const custom = collect(fieldErrors, () => validateCustomValues(fields, (raw as { custom?: unknown } | null)?.custom));
  if (input) {
    const [tax, term] = await Promise.all([
      db.masterData.findFirst({ where: { kind: "tax", code: input.taxCode, active: true }, select: { id: true } }),
      db.masterData.findFirst({ where: { kind: "paymentTerm", code: input.paymentTermCode, active: true }, select: { id: true } }),
    ]);
    if (!tax) fieldErrors.taxCode = "validation.pick_from_list";
    if (!term) fieldErrors.paymentTermCode = "validation.pick_from_list";
  }
  if (!input || !custom || Object.keys(fieldErrors).length) throw new AppError("validation", { fieldErrors });
  let created;
  try {
    created = await db.$transaction(async (tx) => {
      // The name is checked where the supplier is written, under a lock on the name:
      // two registrations of one company at the same moment cannot both pass.
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`supplier-name:${input.name.toLowerCase()}`}))) AS l`;
      if (await tx.supplier.findFirst({ where: { name: { equals: input.name, mode: "insensitive" } }, select: { id: true } })) {
        throw new AppError("validation", { fieldErrors: { name: "validation.supplier_name_taken" } });
      }
      const s = await tx.supplier.create({ data: { ...input, custom, status: "registered" } });
      await writeAudit(tx, actor, { action: "supplier.register", entity: "Supplier", entityId: s.id, after: s });
      // The initial review (SRM-2) starts with the registration: queued in the same transaction.
      return { supplier: s, reviewJob: await queueInitialReview(tx, s.id, actor.id) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("validation", { fieldErrors: { code: "validation.taken" } });
    throw e;
  }
  await startRoundNow(db, created.reviewJob, created.supplier.id);
  return created.supplier;
}
