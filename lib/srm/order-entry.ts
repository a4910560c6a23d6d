import "server-only";
import type { Actor } from "../auth/actor";
import { hasPermission, requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { loadConnection } from "../erp/connection";
import { activeCurrencies } from "../erp/master-currencies";
import { unitLabels } from "./unit-labels";

/** May this person enter orders in the app now: the right, and the built-in connector (the app is the ERP). */
export async function canEnterOrders(db: Db, who: Actor): Promise<boolean> {
  return hasPermission(who, "purchase_order.manage") && (await loadConnection(db)).kind === "builtin";
}

/**
 * What the buyer's order entry form offers: active suppliers, active products with
 * their unit, the units and currencies of the master data. With an external ERP
 * (`builtin: false`) the form is not offered: orders come from the ERP.
 */
export async function getOrderEntryForm(db: Db, who: Actor) {
  requirePermission(who, "purchase_order.manage");
  if ((await loadConnection(db)).kind !== "builtin") return { builtin: false as const };
  const [suppliers, products, units, currencies] = await Promise.all([
    db.supplier.findMany({ where: { status: "active" }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true }, take: 2000 }),
    db.product.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { code: true, name: true, unitCode: true }, take: 5000 }),
    db.masterData.findMany({ where: { kind: "unit", active: true }, orderBy: { code: "asc" }, select: { code: true } }),
    activeCurrencies(db),
  ]);
  const label = await unitLabels(db, [...units.map((u) => u.code), ...products.map((p) => p.unitCode ?? "PCS")]);
  const unitCodes = [...new Set([...units.map((u) => u.code), ...products.map((p) => p.unitCode ?? "PCS")])];
  return {
    builtin: true as const,
    suppliers,
    products: products.map((p) => ({ ...p, unitCode: p.unitCode ?? "PCS" })),
    units: unitCodes.map(label),
    currencies,
  };
}

export type OrderEntryForm = Extract<Awaited<ReturnType<typeof getOrderEntryForm>>, { builtin: true }>;
