import "server-only";
import type { z } from "zod";
import type { Actor, EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { customerNameFields } from "../names/customer-name-fields";
import { nextCustomerCodes } from "./customer-codes";
import { customerInput, type CustomerInput } from "./customer.schema";
import { findCustomerDuplicates, type CustomerDuplicate } from "./find-customer-duplicates";

/**
 * A new customer (CRM-1), owned by the employee who enters it in their team. Likely
 * duplicates refuse it (customer_duplicate, with the matches to show) unless a reason is
 * given, which is audited with the matches; the same credit code as another customer
 * always refuses. The customer and its first contact are written with the audit row.
 */
export async function createCustomer(db: Db, who: Actor | null, raw: CustomerInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(customerInput, raw);
  const matches = await findCustomerDuplicates(db, actor, { name: input.name, creditCode: input.creditCode });
  if (matches.some((m) => m.reason === "credit_code")) throw new AppError("customer_credit_code_taken", { fieldErrors: { creditCode: "validation.credit_code_taken" }, details: matches });
  const likely = matches.filter((m) => m.likely);
  if (likely.length && !input.duplicateReason) throw new AppError("customer_duplicate", { fieldErrors: { name: "validation.customer_duplicate" }, details: likely });
  try {
    return await db.$transaction((tx) => insertCustomer(tx, actor, input, { owner: actor, likely }));
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("customer_credit_code_taken", { fieldErrors: { creditCode: "validation.credit_code_taken" } });
    throw e;
  }
}

/**
 * A checked customer written with its first contact and the audit row, in the caller's
 * transaction (a new customer, a lead's conversion): owned by `owner` in their team; the
 * likely duplicates the user went on past are audited with the reason.
 */
export async function insertCustomer(tx: Tx, actor: EmployeeActor, input: z.output<typeof customerInput>, opts: { owner: { id: string; departmentId: string | null }; likely: CustomerDuplicate[]; contactEmail?: string | null; audit?: Record<string, unknown> }) {
  const customer = await tx.customer.create({
    data: {
      code: (await nextCustomerCodes(tx, 1))[0],
      name: input.name,
      ...customerNameFields(input.name),
      creditCode: input.creditCode,
      industry: input.industry,
      region: input.region,
      level: input.level,
      tags: input.tags,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      address: input.address,
      ownerId: opts.owner.id,
      teamId: opts.owner.departmentId,
      sharedWithTeam: input.sharedWithTeam,
      // The address given becomes the primary one of the customer's addresses (Customer.address is its text).
      ...(input.address ? { addresses: { create: { kind: "office", street: input.address, isPrimary: true } } } : {}),
      ...(input.contactName ? { contacts: { create: { name: input.contactName, phone: input.contactPhone, email: opts.contactEmail ?? null, primary: true } } } : {}),
    },
    select: { id: true, code: true, name: true },
  });
  const overridden = opts.likely.length ? { duplicateReason: input.duplicateReason, likelyDuplicates: opts.likely.map((m) => ({ id: m.id, code: m.code, reason: m.reason })) } : {};
  await writeAudit(tx, actor, { action: "customer.create", entity: "Customer", entityId: customer.id, after: { ...customer, ...overridden, ...opts.audit } });
  return customer;
}
