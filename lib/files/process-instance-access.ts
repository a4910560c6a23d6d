import "server-only";
import type { Actor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { now } from "../workflow/clock";
import { substituteScope } from "../workflow/substitute-scope";
import { canSee } from "../workflow/task-access";
import type { OwnerAccess } from "./owner-access-rules";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attachments of a process instance (quotes, 8D reports, photos): employees who
 * can see any of its tasks (also as someone's substitute) or started it, process operators, and the users of
 * the supplier the instance concerns. The supplier comes from the instance row
 * and the portal user's session, never from the request.
 */
async function mayAccess(actor: Actor, instanceId: string, db: Db | Tx): Promise<boolean> {
  if (!UUID.test(instanceId)) return false;
  const instance = await db.processInstance.findUnique({ where: { id: instanceId }, select: { startedBy: true, supplierId: true } });
  if (!instance) return false;
  if (actor.realm === "supplier") return !!instance.supplierId && instance.supplierId === actor.supplierId;
  if (actor.realm !== "employee") return false;
  if (instance.startedBy === actor.id || hasPermission(actor, "process.operate")) return true;
  const tasks = await db.task.findMany({ where: { instanceId }, select: { assigneeId: true, candidateGroups: true, candidateSupplierId: true } });
  if (tasks.some((t) => canSee(actor, { ...t, instance }))) return true;
  const scope = await substituteScope(db, actor, now());
  return scope.assignees.length > 0 && tasks.some((t) => canSee(actor, { ...t, instance }, scope));
}

export const processInstanceOwnerAccess: OwnerAccess = {
  canRead: mayAccess,
  canWrite: mayAccess,
  supplierIdOf: async (ownerId, db) => (UUID.test(ownerId) ? ((await db.processInstance.findUnique({ where: { id: ownerId }, select: { supplierId: true } }))?.supplierId ?? null) : null),
};
