import "server-only";
import type { Actor, EmployeeActor } from "../../../auth/actor";
import { hasPermission, requirePermission } from "../../../auth/permissions";
import type { Db, Tx } from "../../../db/client";
import type { Prisma } from "../../../db/generated/client";
import { AppError } from "../../../errors/app-error";
import { subtreeIds } from "../../../org/department-scope";

// Which opportunities an employee sees and may put up for review, by the rules of
// customers (lib/crm/customer-scope.ts) applied to the opportunity's own owner and team:
// an administrator all; a sales lead those of their department's teams; everyone else
// their own. (To be replaced by lib/crm/opportunities/opportunity-scope.ts when it lands.)

async function visibleOpportunitiesWhere(db: Db | Tx, who: Actor | null): Promise<Prisma.OpportunityWhereInput> {
  const actor = requirePermission(who, "crm.view");
  if (hasPermission(actor, "customer.view_all")) return {};
  if (hasPermission(actor, "customer.view_department") && actor.departmentId) return { OR: [{ ownerId: actor.id }, { teamId: { in: await subtreeIds(db, actor.departmentId) } }] };
  return { ownerId: actor.id };
}

/** The opportunity if the employee may see it; otherwise not_found, as if it did not exist. */
export async function visibleOpportunity<S extends Prisma.OpportunitySelect>(db: Db | Tx, who: Actor | null, id: string, select: S) {
  const where = await visibleOpportunitiesWhere(db, who);
  const found = /^[0-9a-f-]{36}$/i.test(id) ? await db.opportunity.findFirst({ where: { AND: [{ id }, where] }, select }) : null;
  if (!found) throw new AppError("not_found");
  return found as Prisma.OpportunityGetPayload<{ select: S }>;
}

/** Whether an employee may act on an opportunity: its owner, the sales lead over its team, an administrator. */
export async function mayEditOpportunity(db: Db | Tx, actor: EmployeeActor, o: { ownerId: string; teamId: string | null }) {
  if (hasPermission(actor, "customer.view_all") || o.ownerId === actor.id) return true;
  return hasPermission(actor, "customer.assign") && !!actor.departmentId && !!o.teamId && (await subtreeIds(db, actor.departmentId)).includes(o.teamId);
}
