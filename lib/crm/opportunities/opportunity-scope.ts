import "server-only";
import type { Actor, EmployeeActor } from "../../auth/actor";
import { hasPermission, requirePermission } from "../../auth/permissions";
import type { Db, Tx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors/app-error";
import { subtreeIds } from "../../org/department-scope";

/**
 * Which opportunities an employee sees (CRM-4), decided here for every list, board, page,
 * action and export, as customers are: an administrator all; a sales lead
 * (customer.view_department) their own and those of their department's teams; everyone
 * else with crm.view their own and those of their team's customers shared with the team.
 */
export async function visibleOpportunitiesWhere(db: Db | Tx, who: Actor | null): Promise<Prisma.OpportunityWhereInput> {
  const actor = requirePermission(who, "crm.view");
  if (hasPermission(actor, "customer.view_all")) return {};
  if (hasPermission(actor, "customer.view_department") && actor.departmentId) return { OR: [{ ownerId: actor.id }, { teamId: { in: await subtreeIds(db, actor.departmentId) } }] };
  return { OR: [{ ownerId: actor.id }, ...(actor.departmentId ? [{ teamId: actor.departmentId, customer: { sharedWithTeam: true, teamId: actor.departmentId } }] : [])] };
}

/** The opportunity if the employee may see it; otherwise not_found, as if it did not exist. */
export async function visibleOpportunity<S extends Prisma.OpportunitySelect>(db: Db | Tx, who: Actor | null, id: string, select: S) {
  const where = await visibleOpportunitiesWhere(db, who);
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await db.opportunity.findFirst({ where: { AND: [{ id }, where] }, select }) : null;
  if (!row) throw new AppError("not_found");
  return row as Prisma.OpportunityGetPayload<{ select: S }>;
}

/** Whether an employee may change an opportunity: its owner, the sales lead over its team, an administrator. */
export async function mayEditOpportunity(db: Db | Tx, actor: EmployeeActor, opp: { ownerId: string; teamId: string | null }): Promise<boolean> {
  if (hasPermission(actor, "customer.view_all") || opp.ownerId === actor.id) return true;
  return hasPermission(actor, "customer.assign") && !!actor.departmentId && !!opp.teamId && (await subtreeIds(db, actor.departmentId)).includes(opp.teamId);
}

/** The opportunity, visible (else not_found) and changeable by the employee (else opportunity_not_yours). */
export async function editableOpportunity<S extends Prisma.OpportunitySelect>(db: Db | Tx, who: Actor | null, id: string, select: S) {
  const actor = requirePermission(who, "crm.view");
  const row = (await visibleOpportunity(db, actor, id, { ...select, ownerId: true, teamId: true })) as Prisma.OpportunityGetPayload<{ select: S }> & { ownerId: string; teamId: string | null };
  if (!(await mayEditOpportunity(db, actor, row))) throw new AppError("opportunity_not_yours");
  return row;
}
