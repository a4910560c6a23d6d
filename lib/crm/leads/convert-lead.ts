import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { insertCustomer } from "../create-customer";
import { customerInput } from "../customer.schema";
import { visibleCustomer } from "../customer-scope";
import { findCustomerDuplicates } from "../find-customer-duplicates";
import { convertLeadInput, type ConvertLeadInput } from "./lead.schema";
import { workableLead } from "./lead-scope";

/**
 * One-step conversion (CRM-3) by the lead's owner or their sales lead: the lead becomes a
 * customer through the new-customer duplicate check. Linked to an existing customer the
 * user sees, or a new customer (with the lead's data and its contact as primary contact,
 * owned by the lead's owner) where likely duplicates need a reason, as on the new-customer
 * page. The lead is claimed first in the transaction, so converting twice is refused and
 * never makes two customers. The opportunity stub (name, expected amount) is kept on the
 * LeadConversion row for the opportunity module (CRM-4).
 */
export async function convertLead(db: Db, who: Actor | null, id: string, raw: ConvertLeadInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(convertLeadInput, raw);
  const lead = await workableLead(db, actor, id, { id: true, code: true, companyName: true, contactName: true, phone: true, email: true, region: true, industry: true });
  const linked = input.customerId ? await visibleCustomer(db, actor, input.customerId, { id: true, code: true }) : null;
  const fields = parseInput(customerInput, { name: lead.companyName, industry: lead.industry, region: lead.region, contactName: lead.contactName, contactPhone: lead.phone, duplicateReason: input.duplicateReason });
  const likely = linked ? [] : (await findCustomerDuplicates(db, actor, { name: lead.companyName })).filter((m) => m.likely);
  if (likely.length && !input.duplicateReason) throw new AppError("customer_duplicate", { fieldErrors: { duplicateReason: "validation.customer_duplicate" }, details: likely });
  const owner = lead.ownerId ? { id: lead.ownerId, departmentId: lead.teamId } : actor;
  return db.$transaction(async (tx) => {
    const { count } = await tx.lead.updateMany({ where: { id: lead.id, status: { in: ["new", "working"] } }, data: { status: "converted" } });
    if (!count) throw new AppError("lead_closed");
    const customer = linked ?? (await insertCustomer(tx, actor, fields, { owner, likely, contactEmail: lead.email, audit: { fromLead: lead.code } }));
    await tx.lead.update({ where: { id: lead.id }, data: { customerId: customer.id, ...(lead.ownerId ? {} : { ownerId: actor.id, teamId: actor.departmentId }) } });
    const conversion = { customerId: customer.id, linkedExisting: !!linked, duplicateReason: linked ? null : input.duplicateReason, opportunityName: input.opportunityName, expectedAmount: input.expectedAmount };
    await tx.leadConversion.create({ data: { leadId: lead.id, byId: actor.id, ...conversion } });
    await writeAudit(tx, actor, { action: "lead.convert", entity: "Lead", entityId: lead.id, before: { status: lead.status }, after: { status: "converted", customerCode: customer.code, ...conversion } });
    return { leadId: lead.id, customerId: customer.id, linkedExisting: !!linked };
  });
}
