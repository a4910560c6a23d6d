import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db, Tx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors/app-error";
import { visibleCustomersWhere } from "../customer-scope";

export const UUID = /^[0-9a-f-]{36}$/i;

/** Requirements are seen by whoever sees their customer (CRM-2's rules: own, team's shared, department, all). */
export async function visibleRequirementsWhere(db: Db | Tx, who: Actor | null): Promise<Prisma.ProductRequirementWhereInput> {
  return { customer: await visibleCustomersWhere(db, who) };
}

/** An opportunity the employee may see (through its customer); not_found otherwise. */
export async function visibleOpportunity(db: Db | Tx, who: Actor | null, id: string) {
  const customer = await visibleCustomersWhere(db, who);
  const opp = UUID.test(id) ? await db.opportunity.findFirst({ where: { id, customer }, select: { id: true, code: true, name: true, customerId: true, customer: { select: { code: true, name: true } } } }) : null;
  if (!opp) throw new AppError("not_found");
  return opp;
}
