import "server-only";
import type { Actor, EmployeeActor } from "../../auth/actor";
import { hasPermission, requirePermission } from "../../auth/permissions";
import type { Db, Tx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors/app-error";
import { subtreeIds } from "../../org/department-scope";

/** The sales lead's teams (own department and below); none for others. */
async function leadTeams(db: Db | Tx, actor: EmployeeActor): Promise<string[]> {
  return hasPermission(actor, "lead.distribute") && actor.departmentId ? subtreeIds(db, actor.departmentId) : [];
}

/**
 * Which leads an employee sees (CRM-3), decided here for every list, page and action: an
 * administrator all; a sales lead (lead.distribute) those of their department's teams and
 * the pool (leads without an owner, of their teams or of the company); everyone else with
 * crm.view the leads they own and those they entered (read only when someone else owns them).
 */
export async function visibleLeadsWhere(db: Db | Tx, who: Actor | null): Promise<Prisma.LeadWhereInput> {
  const actor = requirePermission(who, "crm.view");
  if (hasPermission(actor, "customer.view_all")) return {};
  const own: Prisma.LeadWhereInput[] = [{ ownerId: actor.id }, { createdById: actor.id }];
  if (!hasPermission(actor, "lead.distribute")) return { OR: own };
  return { OR: [...own, { teamId: { in: await leadTeams(db, actor) } }, { ownerId: null, teamId: null }] };
}

/** The lead if the employee may see it; otherwise not_found, as if it did not exist. */
export async function visibleLead<S extends Prisma.LeadSelect>(db: Db | Tx, who: Actor | null, id: string, select: S) {
  const where = await visibleLeadsWhere(db, who);
  const lead = /^[0-9a-f-]{36}$/i.test(id) ? await db.lead.findFirst({ where: { AND: [{ id }, where] }, select }) : null;
  if (!lead) throw new AppError("not_found");
  return lead as Prisma.LeadGetPayload<{ select: S }>;
}

/** Whether the employee may work the lead (log work, convert, disqualify): its owner, the sales lead over its team or pool, an administrator. */
export async function mayWorkLead(db: Db | Tx, actor: EmployeeActor, lead: { ownerId: string | null; teamId: string | null }): Promise<boolean> {
  if (hasPermission(actor, "customer.view_all") || (lead.ownerId && lead.ownerId === actor.id)) return true;
  if (!hasPermission(actor, "lead.distribute")) return false;
  return lead.teamId ? (await leadTeams(db, actor)).includes(lead.teamId) : !lead.ownerId;
}

/** The lead, open (new or working) and workable by the employee; refusals say why. */
export async function workableLead<S extends Prisma.LeadSelect>(db: Db | Tx, actor: EmployeeActor, id: string, select: S) {
  const lead = (await visibleLead(db, actor, id, { ...select, status: true, ownerId: true, teamId: true })) as Prisma.LeadGetPayload<{ select: S }> & { status: string; ownerId: string | null; teamId: string | null };
  if (lead.status === "converted" || lead.status === "disqualified") throw new AppError("lead_closed");
  if (!(await mayWorkLead(db, actor, lead))) throw new AppError("lead_not_yours");
  return lead;
}
