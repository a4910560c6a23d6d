import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import { hasPermission, requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { subtreeIds } from "../org/department-scope";
import { visibleCustomer } from "./customer-scope";

const reassignInput = z.object({ ownerId: z.string().trim().min(1, "validation.required").max(40) });

/**
 * A sales lead (customer.assign) gives a customer of their department to another rep of
 * it (an administrator: to anyone in sales): the owner and the team change together, audited.
 */
export async function reassignCustomer(db: Db, who: Actor | null, id: string, raw: unknown) {
  const actor = requirePermission(who, "customer.assign");
  const { ownerId } = parseInput(reassignInput, raw);
  const customer = await visibleCustomer(db, actor, id, { id: true, ownerId: true, teamId: true });
  const owner = /^[0-9a-f-]{36}$/i.test(ownerId) ? await loadEmployeeActor(ownerId, db) : null;
  if (!owner || !hasPermission(owner, "crm.view")) throw new AppError("validation", { fieldErrors: { ownerId: "validation.owner_not_sales" } });
  if (!hasPermission(actor, "customer.view_all")) {
    const scope = actor.departmentId ? await subtreeIds(db, actor.departmentId) : [];
    if (!owner.departmentId || !scope.includes(owner.departmentId)) throw new AppError("validation", { fieldErrors: { ownerId: "validation.owner_not_in_department" } });
  }
  if (customer.ownerId === owner.id) return { id, changed: false };
  await db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id }, data: { ownerId: owner.id, teamId: owner.departmentId } });
    await writeAudit(tx, actor, { action: "customer.reassign", entity: "Customer", entityId: id, before: { ownerId: customer.ownerId, teamId: customer.teamId }, after: { ownerId: owner.id, teamId: owner.departmentId } });
  });
  return { id, changed: true };
}

/** Whom a sales lead may give customers to: the active sales people of their department (an administrator: all of them). */
export async function reassignTargets(db: Db, who: Actor | null) {
  const actor = requirePermission(who, "customer.assign");
  const scope = hasPermission(actor, "customer.view_all") ? null : actor.departmentId ? await subtreeIds(db, actor.departmentId) : [];
  const people = await db.employee.findMany({
    where: { active: true, roles: { some: { role: { key: { in: ["sales", "sales_lead"] } } } }, ...(scope ? { departmentId: { in: scope } } : {}) },
    orderBy: { username: "asc" },
    select: { id: true, name: true, department: { select: { nameZh: true, nameEn: true } } },
  });
  return people.map((p) => ({ id: p.id, name: p.name, department: p.department }));
}
