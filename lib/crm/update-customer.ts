import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { enqueueErpWrite } from "../erp/outbox";
import { customerNameFields } from "../names/customer-name-fields";
import { checkCategoryIds } from "./customer-categories";
import { customerPartyWrite } from "./customer-erp-write";
import { z } from "zod";
import { customerInput } from "./customer.schema";
import { assertMayEditCustomer, visibleCustomer } from "./customer-scope";
import { findCustomerDuplicates } from "./find-customer-duplicates";

const FIELDS = ["name", "creditCode", "industry", "region", "level", "tags", "sharedWithTeam"] as const;
/** What the ERP's party holds of the profile: a change to one of these is written to the ERP for a customer of record. */
const PARTY_FIELDS = new Set<string>(["name", "creditCode"]);

/**
 * The customer's profile fields only: the main contact comes from the contacts
 * (save-customer-contact.ts) and the address from the addresses (save-customer-address.ts).
 */
const customerProfileInput = customerInput.omit({ contactName: true, contactPhone: true, address: true }).extend({
  /** The administrator-defined categories (customer-categories.ts); absent leaves them as they are. */
  categoryIds: z.array(z.string().max(40)).max(20, "validation.too_big").optional(),
});
export type CustomerProfileInput = z.input<typeof customerProfileInput>;

/**
 * The customer's profile changed by its owner, their sales lead or an administrator
 * (CRM-2): a new name or credit code passes the duplicate check again (the customer
 * itself aside); only what changed is written, with its before and after in the audit row.
 * A customer of record whose party data changed is written to the ERP again (outbox, same transaction).
 */
export async function updateCustomer(db: Db, who: Actor | null, id: string, raw: CustomerProfileInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(customerProfileInput, raw);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const current = await visibleCustomer(db, actor, id, {
    id: true, stage: true, ownerId: true, teamId: true, name: true, creditCode: true, industry: true, region: true, level: true, tags: true, sharedWithTeam: true, categoryIds: true,
  });
  await assertMayEditCustomer(db, actor, current);
  const categoryIds = input.categoryIds ? await checkCategoryIds(db, input.categoryIds, current.categoryIds) : current.categoryIds;
  if ([...categoryIds].sort().join() !== [...current.categoryIds].sort().join()) {
    before.categoryIds = current.categoryIds;
    after.categoryIds = categoryIds;
  }
  for (const f of FIELDS) {
    if (JSON.stringify(current[f] ?? null) !== JSON.stringify(input[f] ?? null)) {
      before[f] = current[f] ?? null;
      after[f] = input[f] ?? null;
    }
  }
  if (!Object.keys(after).length) return { id, changed: false };
  if ("name" in after || "creditCode" in after) {
    const matches = await findCustomerDuplicates(db, actor, { name: input.name, creditCode: input.creditCode, excludeId: id });
    if (matches.some((m) => m.reason === "credit_code")) throw new AppError("customer_credit_code_taken", { fieldErrors: { creditCode: "validation.credit_code_taken" }, details: matches });
    const likely = matches.filter((m) => m.likely);
    if ("name" in after && likely.length && !input.duplicateReason) throw new AppError("customer_duplicate", { fieldErrors: { name: "validation.customer_duplicate" }, details: likely });
  }
  try {
    await db.$transaction(async (tx) => {
      const saved = await tx.customer.update({ where: { id }, data: { ...after, ...("name" in after ? customerNameFields(input.name) : {}) } });
      await writeAudit(tx, actor, { action: "customer.update", entity: "Customer", entityId: id, before, after: { ...after, ...(input.duplicateReason ? { duplicateReason: input.duplicateReason } : {}) } });
      if (current.stage === "customer" && Object.keys(after).some((f) => PARTY_FIELDS.has(f))) await enqueueErpWrite(tx, customerPartyWrite(saved, `customer:${id}:update:${saved.updatedAt.toISOString()}`));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("customer_credit_code_taken", { fieldErrors: { creditCode: "validation.credit_code_taken" } });
    throw e;
  }
  return { id, changed: true };
}
