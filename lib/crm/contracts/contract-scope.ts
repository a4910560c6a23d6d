import "server-only";
import type { Actor, EmployeeActor } from "../../auth/actor";
import type { Db, Tx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors/app-error";
import { assertMayEditCustomer, visibleCustomersWhere } from "../customer-scope";

/** Contracts are seen by whoever sees their customer (CRM-2's rule, decided in one place). */
export async function visibleContractsWhere(db: Db | Tx, who: Actor | null): Promise<Prisma.SalesContractWhereInput> {
  return { customer: await visibleCustomersWhere(db, who) };
}

/** The contract if the employee may see it; otherwise not_found, as if it did not exist. */
export async function visibleContract<I extends Prisma.SalesContractInclude>(db: Db | Tx, who: Actor | null, id: string, include: I) {
  const where = await visibleContractsWhere(db, who);
  const found = /^[0-9a-f-]{36}$/i.test(id) ? await db.salesContract.findFirst({ where: { AND: [{ id }, where] }, include }) : null;
  if (!found) throw new AppError("not_found");
  return found as Prisma.SalesContractGetPayload<{ include: I }>;
}

/** Who may change a contract: its owner, or whoever may change its customer. */
export async function assertMayEditContract(db: Db | Tx, actor: EmployeeActor, c: { ownerId: string; customer: { ownerId: string | null; teamId: string | null } }) {
  if (c.ownerId === actor.id) return;
  await assertMayEditCustomer(db, actor, c.customer);
}
