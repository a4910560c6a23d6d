import "server-only";
import type { Actor } from "../../auth/actor";
import { hasPermission, requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { now } from "../../workflow/clock";
import { daysSince } from "../list-customers";
import { mayWorkLead, visibleLead } from "./lead-scope";

/** One lead (CRM-3): its data, owner and team, the conversion, the history with notes, and what the employee may do with it. */
export async function getLead(db: Db, who: Actor | null, id: string) {
  const actor = requirePermission(who, "crm.view");
  const lead = await visibleLead(db, actor, id, {
    id: true, code: true, companyName: true, contactName: true, phone: true, email: true, region: true, industry: true, channel: true, campaignCode: true, remark: true,
    source: true, status: true, disqualifyReason: true, ownerId: true, teamId: true, customerId: true, createdById: true, createdAt: true, lastWorkedAt: true,
    conversion: { select: { linkedExisting: true, opportunityName: true, expectedAmount: true, at: true } },
  });
  const [history, team, customer] = await Promise.all([
    db.auditLog.findMany({ where: { entity: "Lead", entityId: lead.id }, orderBy: { at: "desc" }, take: 50, select: { id: true, action: true, at: true, actorId: true, after: true } }),
    lead.teamId ? db.department.findUnique({ where: { id: lead.teamId }, select: { nameZh: true, nameEn: true } }) : null,
    lead.customerId ? db.customer.findUnique({ where: { id: lead.customerId }, select: { id: true, code: true, name: true } }) : null,
  ]);
  const ids = [...new Set([lead.ownerId, lead.createdById, ...history.map((h) => h.actorId)].filter((x): x is string => !!x))];
  const names = new Map((await db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const open = lead.status === "new" || lead.status === "working";
  return {
    lead: { ...lead, conversion: lead.conversion ? { ...lead.conversion, expectedAmount: lead.conversion.expectedAmount?.toString() ?? null } : null },
    ownerName: lead.ownerId ? (names.get(lead.ownerId) ?? null) : null,
    createdByName: lead.createdById ? (names.get(lead.createdById) ?? null) : null,
    team,
    customer,
    idleDays: daysSince(lead.lastWorkedAt, now()),
    mayWork: open && (await mayWorkLead(db, actor, lead)),
    mayDistribute: open && hasPermission(actor, "lead.distribute") && (await mayWorkLead(db, actor, lead)),
    history: history.map((h) => {
      const after = (h.after ?? {}) as Record<string, unknown>;
      return { id: h.id, action: h.action, at: h.at, by: h.actorId ? (names.get(h.actorId) ?? null) : null, note: typeof after.note === "string" ? after.note : typeof after.reason === "string" ? after.reason : null };
    }),
  };
}

export type LeadDetail = Awaited<ReturnType<typeof getLead>>;
