import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { loadEmployeeActor } from "../../auth/load-actor";
import { hasPermission, requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { subtreeIds } from "../../org/department-scope";
import { now } from "../../workflow/clock";
import { insertNotifications } from "../../workflow/step-sql";
import { workableLead } from "./lead-scope";

const distributeInput = z.object({
  ids: z.array(z.string().trim().max(40)).min(1, "validation.required").max(200),
  ownerId: z.string().trim().min(1, "validation.required").max(40),
});

/**
 * The sales lead (lead.distribute) gives open leads of the pool or of their teams to a
 * rep of their own department (an administrator: to any sales person), all or none: the
 * owner and team change, the stale reminder's clock restarts for the new owner, who is
 * notified; one audit row per lead.
 */
export async function distributeLeads(db: Db, who: Actor | null, raw: unknown) {
  const actor = requirePermission(who, "lead.distribute");
  const { ids, ownerId } = parseInput(distributeInput, raw);
  const owner = /^[0-9a-f-]{36}$/i.test(ownerId) ? await loadEmployeeActor(ownerId, db) : null;
  if (!owner || !hasPermission(owner, "crm.view")) throw new AppError("validation", { fieldErrors: { ownerId: "validation.owner_not_sales" } });
  if (!hasPermission(actor, "customer.view_all")) {
    const scope = actor.departmentId ? await subtreeIds(db, actor.departmentId) : [];
    if (!owner.departmentId || !scope.includes(owner.departmentId)) throw new AppError("validation", { fieldErrors: { ownerId: "validation.owner_not_in_department" } });
  }
  const leads = await Promise.all([...new Set(ids)].map((id) => workableLead(db, actor, id, { id: true, code: true, companyName: true })));
  await db.$transaction(async (tx) => {
    for (const lead of leads) {
      const { count } = await tx.lead.updateMany({ where: { id: lead.id, status: { in: ["new", "working"] } }, data: { ownerId: owner.id, teamId: owner.departmentId, lastWorkedAt: now() } });
      if (!count) throw new AppError("lead_closed");
      await writeAudit(tx, actor, { action: "lead.assign", entity: "Lead", entityId: lead.id, before: { ownerId: lead.ownerId, teamId: lead.teamId }, after: { ownerId: owner.id, teamId: owner.departmentId } });
    }
    if (owner.id !== actor.id) {
      await insertNotifications(tx, leads.map((l) => ({ recipientRealm: "employee" as const, recipientId: owner.id, kind: "lead.assigned", title: `分配给您的线索 ${l.code}：${l.companyName}`, link: `/crm/leads/${l.id}` })));
    }
  });
  return { count: leads.length };
}
