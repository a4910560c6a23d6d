import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { assertMayEditCustomer, visibleCustomer, visibleCustomersWhere } from "../customer-scope";
import { visibleContract } from "./contract-scope";
import { templateFor } from "./contract-template";

/**
 * What a new contract will start from, for the "new contract" page to show before it is
 * made: the opportunity or the past contract, the customer and the template its country
 * chooses; without either, the customers the employee may start one for.
 */
export async function contractSource(db: Db, who: Actor | null, q: { opportunityId?: string; fromContractId?: string }) {
  const actor = requirePermission(who, "crm.view");
  if (q.fromContractId) {
    const c = await visibleContract(db, actor, q.fromContractId, { customer: { select: { id: true, name: true, countryCode: true } } });
    return { kind: "contract" as const, id: c.id, label: c.number, customer: c.customer, template: templateFor(c.customer.countryCode), lines: null };
  }
  if (q.opportunityId) {
    const opp = /^[0-9a-f-]{36}$/i.test(q.opportunityId) ? await db.opportunity.findUnique({ where: { id: q.opportunityId }, select: { id: true, code: true, name: true, customerId: true, _count: { select: { lines: true } } } }) : null;
    if (!opp) throw new AppError("not_found");
    const customer = await visibleCustomer(db, actor, opp.customerId, { id: true, name: true, countryCode: true, ownerId: true, teamId: true });
    const mayEditCustomer = await assertMayEditCustomer(db, actor, customer).then(() => true, () => false);
    return { kind: "opportunity" as const, id: opp.id, label: `${opp.code} ${opp.name}`, customer, mayEditCustomer, template: templateFor(customer.countryCode), lines: opp._count.lines };
  }
  const customers = await db.customer.findMany({ where: await visibleCustomersWhere(db, actor), orderBy: { name: "asc" }, take: 500, select: { id: true, name: true, code: true, countryCode: true } });
  return { kind: "customer" as const, customers: customers.map((c) => ({ ...c, template: templateFor(c.countryCode) })) };
}
