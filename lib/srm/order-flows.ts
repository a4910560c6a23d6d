import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { canWorkOn } from "../workflow/task-access";
import { waitingForResolver } from "./order-people";

/**
 * The flows of an order (its confirmation flows, one per revision, and the delivery
 * flows of its plans), newest first, each with the steps it waits on and whom they
 * wait for. `href` opens the instance for those who operate processes, else the
 * viewer's own open task in it, else nothing.
 */
export async function orderFlows(db: Db, actor: EmployeeActor, orderId: string, planIds: string[]) {
  const instances = await db.processInstance.findMany({
    where: { OR: [{ recordType: "PurchaseOrder", recordId: orderId }, ...(planIds.length ? [{ recordType: "DeliveryPlan", recordId: { in: planIds } }] : [])] },
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: 50,
    select: {
      id: true,
      businessKey: true,
      recordType: true,
      status: true,
      startedAt: true,
      endedAt: true,
      definition: { select: { name: true } },
      tasks: { where: { status: "open" }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, assigneeId: true, candidateGroups: true, candidateSupplierId: true } },
    },
  });
  const operate = hasPermission(actor, "process.operate");
  const waitingFor = await waitingForResolver(db, instances.flatMap((i) => i.tasks));
  return instances.map((i) => {
    const mine = i.tasks.find((t) => canWorkOn(actor, t));
    return {
      id: i.id,
      businessKey: i.businessKey,
      kind: i.recordType === "DeliveryPlan" ? ("delivery" as const) : ("confirmation" as const),
      processName: i.definition.name,
      status: i.status,
      startedAt: i.startedAt,
      endedAt: i.endedAt,
      waiting: i.tasks.map((t) => ({ name: t.name, for: waitingFor(t) })),
      href: operate ? `/processes/instances/${i.id}` : mine ? `/inbox/${mine.id}` : null,
    };
  });
}
