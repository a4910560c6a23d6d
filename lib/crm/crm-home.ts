import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";
import { parseCustomerListQuery } from "./customer-lists.schema";
import { FOLLOW_UP } from "./log-customer-contact";
import { listCustomers } from "./list-customers";
import { shanghaiToday } from "./shanghai-day";

/**
 * The CRM home's "my" widgets (CRM-0): my customers past the orange threshold, my open
 * follow-up reminders, and this month's numbers (customers entered, contacts logged),
 * months counted in Shanghai time.
 */
export async function getCrmHome(db: Db, who: Actor | null) {
  const actor = requirePermission(who, "crm.view");
  const monthStart = new Date(`${shanghaiToday().slice(0, 8)}01T00:00:00+08:00`);
  const [cold, tasks, newCustomers, contacts] = await Promise.all([
    listCustomers(db, actor, parseCustomerListQuery({ view: "mine", contact: "alert" }), 5),
    db.task.findMany({
      where: { status: "open", assigneeId: actor.id, instance: { definition: { key: FOLLOW_UP.key } } },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 10,
      select: { id: true, name: true, dueAt: true, instance: { select: { businessKey: true, variables: true } } },
    }),
    db.customer.count({ where: { ownerId: actor.id, mergedIntoId: null, createdAt: { gte: monthStart } } }),
    db.customerLog.count({ where: { byId: actor.id, at: { gte: monthStart, lte: now() } } }),
  ]);
  return {
    cold: { rows: cold.rows, total: cold.total },
    tasks: tasks.map((t) => ({ id: t.id, name: t.name, dueAt: t.dueAt, customerName: String((t.instance.variables as Record<string, unknown> | null)?.customerName ?? t.instance.businessKey ?? "") })),
    month: { newCustomers, contacts },
  };
}
