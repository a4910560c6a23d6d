import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { now } from "../../workflow/clock";
import { substituteScope } from "../../workflow/substitute-scope";
import { canWorkOn } from "../../workflow/task-access";

/**
 * What a scanner or a person enters: the note's number (DP-...), or the whole address
 * the QR code holds (…/srm/receive?code=DP-...), with stray spaces, in any case.
 */
export function deliveryCode(input: string): string {
  const raw = input.trim().slice(0, 500);
  try {
    const url = new URL(raw);
    return (url.searchParams.get("code") ?? url.pathname.split("/").pop() ?? "").trim().toUpperCase();
  } catch {
    return raw.replace(/\s+/g, "").toUpperCase();
  }
}

/**
 * The warehouse opens a delivery by its note (SRM-8): the open step of the plan's
 * delivery flow this employee may work on (whatever steps the process owner drew:
 * counting, receiving, put-away), or, when none waits for them, the plan with where it
 * stands and who has its open step. Unknown numbers are "not_found" (a message, not an error page).
 */
export async function findDeliveryByCode(db: Db, who: Actor | null, input: string) {
  const actor = requirePermission(who, "srm.view");
  const code = deliveryCode(input);
  if (!code) return { kind: "empty" as const };
  const plan = await db.deliveryPlan.findFirst({
    where: { number: { equals: code, mode: "insensitive" } },
    select: { id: true, number: true, status: true, instanceId: true, order: { select: { id: true, number: true } }, supplier: { select: { code: true, name: true } }, receipts: { select: { number: true }, orderBy: { receivedAt: "asc" } } },
  });
  if (!plan) return { kind: "not_found" as const, code };
  const open = plan.instanceId
    ? await db.task.findMany({ where: { instanceId: plan.instanceId, status: "open" }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, assigneeId: true, candidateGroups: true, candidateSupplierId: true } })
    : [];
  const scope = await substituteScope(db, actor, now());
  const mine = open.find((task) => canWorkOn(actor, task, scope));
  if (mine) return { kind: "task" as const, taskId: mine.id };
  const groups = [...new Set(open.flatMap((task) => task.candidateGroups))];
  const groupNames = groups.length ? await db.group.findMany({ where: { key: { in: groups } }, select: { key: true, nameZh: true, nameEn: true } }) : [];
  return {
    kind: "plan" as const,
    plan: { number: plan.number, status: plan.status, order: plan.order, supplier: plan.supplier, receipts: plan.receipts.map((r) => r.number) },
    waiting: open.map((task) => ({ name: task.name, groups: groupNames.filter((g) => task.candidateGroups.includes(g.key)), supplier: !!task.candidateSupplierId, assigned: !!task.assigneeId })),
  };
}
