import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { activeCurrencies } from "../../erp/master-currencies";
import { visibleCustomersWhere } from "../customer-scope";
import { visibleLead } from "../leads/lead-scope";
import { visibleOpportunitiesWhere } from "./opportunity-scope";

const MAX_CHOICES = 500;

/**
 * What the new-opportunity form offers: the customers the employee sees (the picker never
 * lists others), past opportunities they see to copy from (won ones first), and, coming
 * from a converted lead, that lead with its opportunity stub and customer; and the
 * master data's currencies (RMB first).
 */
export async function newOpportunityChoices(db: Db, who: Actor | null, opts: { leadId?: string | null }) {
  const actor = requirePermission(who, "crm.view");
  const [customerScope, oppScope] = await Promise.all([visibleCustomersWhere(db, actor), visibleOpportunitiesWhere(db, actor)]);
  const [customers, past, lead, currencies] = await Promise.all([
    db.customer.findMany({ where: customerScope, orderBy: [{ ownerId: "asc" }, { name: "asc" }], take: MAX_CHOICES, select: { id: true, code: true, name: true, ownerId: true } }),
    db.opportunity.findMany({ where: { AND: [oppScope, { lines: { some: {} } }] }, orderBy: [{ updatedAt: "desc" }], take: MAX_CHOICES, select: { id: true, code: true, name: true, stage: true, amount: true, currencyCode: true, customer: { select: { name: true } }, _count: { select: { lines: true } } } }),
    opts.leadId ? visibleLead(db, actor, opts.leadId, { id: true, code: true, companyName: true, status: true, conversion: { select: { customerId: true, opportunityName: true, expectedAmount: true } } }).catch(() => null) : null,
    activeCurrencies(db),
  ]);
  const leadCustomer = lead?.conversion ? await db.customer.findUnique({ where: { id: lead.conversion.customerId }, select: { id: true, code: true, name: true } }) : null;
  const taken = lead ? await db.opportunity.findUnique({ where: { leadId: lead.id }, select: { id: true, code: true } }) : null;
  return {
    // The employee's own customers first, then the team's, each by name.
    customers: [...customers.filter((c) => c.ownerId === actor.id), ...customers.filter((c) => c.ownerId !== actor.id)].map(({ ownerId: _owner, ...c }) => c),
    past: [...past.filter((p) => p.stage === "won"), ...past.filter((p) => p.stage !== "won")].map((p) => ({ id: p.id, code: p.code, name: p.name, stage: p.stage, amount: p.amount.toString(), currencyCode: p.currencyCode, customerName: p.customer.name, lines: p._count.lines })),
    currencies,
    lead: lead && lead.status === "converted" && lead.conversion ? { id: lead.id, code: lead.code, companyName: lead.companyName, opportunityName: lead.conversion.opportunityName, expectedAmount: lead.conversion.expectedAmount?.toString() ?? null, customer: leadCustomer, opportunity: taken } : null,
  };
}
