import "server-only";
import type { Tx } from "../db/client";
import { insertNotifications, notifyGroupMembers } from "./step-sql";

type NewTask = { id: string; name: string; assigneeId: string | null; candidateGroups: string[]; candidateSupplierId: string | null };

/**
 * In-app notifications for a new task: its assignee, else its groups' members, else the
 * supplier's users. Each names the step and links to the task; the record it is about
 * (business key, subject) and whether it still waits are read with the task
 * (lib/inbox/list-notifications.ts). Suppliers get "task.new": claiming is the staff's way of working.
 */
export async function notifyTaskCreated(tx: Tx, task: NewTask) {
  const link = `/inbox/${task.id}`;
  if (task.assigneeId) {
    await insertNotifications(tx, [{ recipientRealm: "employee", recipientId: task.assigneeId, kind: "task.assigned", title: task.name, link }]);
    return;
  }
  if (task.candidateGroups.length) {
    await notifyGroupMembers(tx, task.candidateGroups, task.name, link);
  }
  if (task.candidateSupplierId) {
    const users = await tx.supplierUser.findMany({ where: { supplierId: task.candidateSupplierId, active: true }, select: { id: true } });
    await insertNotifications(tx, users.map((u) => ({ recipientRealm: "supplier" as const, recipientId: u.id, kind: "task.new", title: task.name, link: `/portal/tasks/${task.id}` })));
  }
}
