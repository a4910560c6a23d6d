import "server-only";
import type { Actor, EmployeeActor } from "../auth/actor";
import { hasPermission, requirePermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { subtreeIds } from "../org/department-scope";

/**
 * Which customers an employee sees (CRM-2), decided here for every list, page, action
 * and export: an administrator all; a sales lead (customer.view_department) those of
 * their department's teams; everyone else with crm.view their own and those their team
 * shares. Merged-away customers are never shown (the merge itself asks for them to refuse them).
 */
export async function visibleCustomersWhere(db: Db | Tx, who: Actor | null, opts: { merged?: "included" } = {}): Promise<Prisma.CustomerWhereInput> {
  const actor = requirePermission(who, "crm.view");
  const live = opts.merged === "included" ? {} : { mergedIntoId: null };
  if (hasPermission(actor, "customer.view_all")) return live;
  if (hasPermission(actor, "customer.view_department") && actor.departmentId) return { ...live, OR: [{ ownerId: actor.id }, { teamId: { in: await subtreeIds(db, actor.departmentId) } }] };
  return { ...live, OR: [{ ownerId: actor.id }, ...(actor.departmentId ? [{ teamId: actor.departmentId, sharedWithTeam: true }] : [])] };
}

/** The customer if the employee may see it; otherwise not_found, as if it did not exist. */
export async function visibleCustomer<S extends Prisma.CustomerSelect>(db: Db | Tx, who: Actor | null, id: string, select: S) {
  const where = await visibleCustomersWhere(db, who);
  const customer = /^[0-9a-f-]{36}$/i.test(id) ? await db.customer.findFirst({ where: { AND: [{ id }, where] }, select }) : null;
  if (!customer) throw new AppError("not_found");
  return customer as Prisma.CustomerGetPayload<{ select: S }>;
}

/** Whether an employee may change a customer: its owner, the sales lead over its team, an administrator. */
export async function assertMayEditCustomer(db: Db | Tx, actor: EmployeeActor, customer: { ownerId: string | null; teamId: string | null }) {
  if (hasPermission(actor, "customer.view_all") || customer.ownerId === actor.id) return;
  if (hasPermission(actor, "customer.assign") && actor.departmentId && customer.teamId && (await subtreeIds(db, actor.departmentId)).includes(customer.teamId)) return;
  throw new AppError("forbidden");
}
