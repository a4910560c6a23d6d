import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { visibleCustomer } from "../customer-scope";
import { shanghaiToday } from "../shanghai-day";

/** The CRM home's lead numbers (CRM-0): my open leads, and my leads converted this month (Shanghai time). */
export async function leadHomeNumbers(db: Db, who: Actor | null) {
  const actor = requirePermission(who, "crm.view");
  const monthStart = new Date(`${shanghaiToday().slice(0, 8)}01T00:00:00+08:00`);
  const [open, converted] = await Promise.all([
    db.lead.count({ where: { ownerId: actor.id, status: { in: ["new", "working"] } } }),
    db.leadConversion.count({ where: { lead: { ownerId: actor.id }, at: { gte: monthStart } } }),
  ]);
  return { open, converted };
}

/** The leads that became this customer, for its page (whoever sees the customer sees them listed). */
export async function customerLeads(db: Db, who: Actor | null, customerId: string) {
  const customer = await visibleCustomer(db, who, customerId, { id: true });
  return db.lead.findMany({
    where: { customerId: customer.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, code: true, source: true, createdAt: true, conversion: { select: { at: true, opportunityName: true, expectedAmount: true } } },
  }).then((rows) => rows.map((r) => ({ ...r, conversion: r.conversion ? { ...r.conversion, expectedAmount: r.conversion.expectedAmount?.toString() ?? null } : null })));
}
