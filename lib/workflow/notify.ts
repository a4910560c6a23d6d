import "server-only";
import type { Tx } from "../db/client";

type NewTask = { id: string; name: string; assigneeId: string | null; candidateGroups: string[]; candidateSupplierId: string | null };

/** In-app notifications for a new task: its assignee, else its groups' members, else the supplier's users. */
export async function notifyTaskCreated(tx: Tx, task: NewTask) {
  const link = `/inbox/${task.id}`;
  if (task.assigneeId) {
    await tx.notification.create({ data: { recipientRealm: "employee", recipientId: task.assigneeId, kind: "task.assigned", title: task.name, link } });
    return;
  }
  if (task.candidateGroups.length) {
    const members = await tx.groupMember.findMany({ where: { group: { key: { in: task.candidateGroups }, active: true }, employee: { active: true } }, select: { employeeId: true } });
    const ids = [...new Set(members.map((m) => m.employeeId))];
    if (ids.length) await tx.notification.createMany({ data: ids.map((id) => ({ recipientRealm: "employee" as const, recipientId: id, kind: "task.offered", title: task.name, link })) });
  }
  if (task.candidateSupplierId) {
    const users = await tx.supplierUser.findMany({ where: { supplierId: task.candidateSupplierId, active: true }, select: { id: true } });
    if (users.length) await tx.notification.createMany({ data: users.map((u) => ({ recipientRealm: "supplier" as const, recipientId: u.id, kind: "task.offered", title: task.name, link: `/portal/tasks/${task.id}` })) });
  }
}
