import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";
import { COUNT_CAP } from "./count-tasks";
import { taskScope } from "./list-tasks";

export type OpenTaskCounts = { mine: number; group: number; overdue: number };

/** How many open tasks wait for the actor: assigned to them, offered to their groups, and of their own the overdue ones. */
export async function countOpenTasks(db: Db, actor: Actor): Promise<OpenTaskCounts> {
  const capped = (n: number) => Math.min(n, COUNT_CAP);
  const mine = taskScope(actor, "mine");
  if (actor.realm !== "employee") {
    const [open, overdue] = await Promise.all([db.task.count({ where: mine }), db.task.count({ where: { AND: [mine, { dueAt: { lt: now() } }] } })]);
    return { mine: capped(open), group: 0, overdue: capped(overdue) };
  }
  const group = taskScope(actor, "group");
  const [m, g, overdue] = await Promise.all([
    db.task.count({ where: mine, take: COUNT_CAP }),
    db.task.count({ where: group, take: COUNT_CAP }),
    db.task.count({ where: { AND: [mine, { dueAt: { lt: now() } }] }, take: COUNT_CAP }),
  ]);
  return { mine: m, group: g, overdue };
}
