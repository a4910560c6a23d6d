import "server-only";
import type { Actor } from "../auth/actor";
import { hasPermission, requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";
import { contactThresholds, contactTone } from "./crm-settings";
import { visibleCustomer } from "./customer-scope";
import { daysSince } from "./list-customers";

/**
 * One customer at a glance (CRM-2): the profile, contacts, the contact history with who
 * logged what, the open follow-up tasks and the change history, for an employee who sees
 * it (else not_found), with the customers merged into it. Leads, opportunities, contracts and ERP sales orders join here
 * as their modules arrive.
 */
export async function getCustomer(db: Db, who: Actor | null, id: string) {
  const actor = requirePermission(who, "crm.view");
  const c = await visibleCustomer(db, actor, id, {
    id: true, code: true, name: true, creditCode: true, industry: true, region: true, level: true, tags: true, stage: true, address: true,
    contactName: true, contactPhone: true, sharedWithTeam: true, lastContactAt: true, createdAt: true, erpId: true, ownerId: true, teamId: true,
    owner: { select: { name: true } }, team: { select: { nameZh: true, nameEn: true } },
    mergedAway: { orderBy: { mergedAt: "asc" }, select: { id: true, code: true, name: true } },
    contacts: { orderBy: [{ primary: "desc" }, { createdAt: "asc" }], select: { id: true, name: true, title: true, phone: true, email: true, primary: true } },
    addresses: {
      orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, label: true, countryCode: true, province: true, city: true, street: true, postalCode: true, contactName: true, phone: true, isPrimary: true },
    },
    categoryIds: true,
    logs: { orderBy: [{ at: "desc" }, { id: "asc" }], take: 50, select: { id: true, kind: true, note: true, at: true, byId: true, nextFollowUpAt: true, latitude: true, longitude: true, accuracy: true, photoFileId: true } },
  });
  const [tasks, history, thresholds, categories] = await Promise.all([
    db.task.findMany({
      where: { status: "open", instance: { recordType: "Customer", recordId: c.id } },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, dueAt: true, assigneeId: true, instance: { select: { definition: { select: { name: true } } } } },
    }),
    // The history of customers merged into this one is part of its own.
    db.auditLog.findMany({ where: { entity: "Customer", entityId: { in: [c.id, ...c.mergedAway.map((m) => m.id)] }, action: { not: "customer.merged_away" } }, orderBy: { at: "desc" }, take: 30, select: { id: true, action: true, at: true, actorId: true } }),
    contactThresholds(db),
    c.categoryIds.length ? db.customerCategory.findMany({ where: { id: { in: c.categoryIds } }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }) : [],
  ]);
  // Who logged each contact and who made each change, in one read.
  const ids = [...new Set([...c.logs.map((l) => l.byId), ...history.map((h) => h.actorId).filter((x): x is string => !!x)])];
  const names = new Map((await db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const days = daysSince(c.lastContactAt ?? c.createdAt, now());
  return {
    customer: c,
    categories,
    days,
    never: !c.lastContactAt,
    tone: contactTone(days, thresholds),
    mayEdit: c.ownerId === actor.id || hasPermission(actor, "customer.view_all") || hasPermission(actor, "customer.assign"),
    logs: c.logs.map((l) => ({ ...l, byName: names.get(l.byId) ?? null })),
    tasks: tasks.map((t) => ({ id: t.id, name: t.name, process: t.instance.definition.name, dueAt: t.dueAt, mine: t.assigneeId === actor.id })),
    history: history.map((h) => ({ id: h.id, action: h.action, at: h.at, by: h.actorId ? (names.get(h.actorId) ?? null) : null })),
  };
}

export type CustomerDetail = Awaited<ReturnType<typeof getCustomer>>;
