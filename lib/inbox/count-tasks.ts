import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { fastRead } from "../db/fast-read";
import { Prisma } from "../db/generated/client";
import { now } from "../workflow/clock";
import { taskQuery, type TaskQuery } from "./inbox.schema";
import { taskWhereSql } from "./task-sql";
import { parseInput } from "../errors/parse-input";

/**
 * Counting stops here (or at the page asked for, if deeper): past it the pager says
 * "more than 1,000" and offers the next page instead of counting everything. A group
 * with tens of thousands of open tasks would otherwise pay for the count on every page.
 */
export const COUNT_CAP = 1_000;

/** The count window for a page: the cap, or up to the page itself when it lies deeper. */
export function countWindow(page: number, size: number) {
  return Math.max(COUNT_CAP, page * size);
}

export type TaskTotal = { total: number; totalCapped: boolean; pages: number };

/** What the pager shows: the counted total, whether there are more, and how many pages it can offer. */
export function pagerOf(counted: number, page: number, size: number): TaskTotal {
  const cap = countWindow(page, size);
  const capped = counted > cap;
  const total = Math.min(counted, cap);
  return { total, totalCapped: capped, pages: Math.max(1, Math.ceil(total / size) + (capped ? 1 : 0)) };
}

/** The pager's figures for an inbox query (same scope and filters as listTasks), counted up to the window. */
export async function countTasks(db: Db, actor: Actor, raw: Partial<Record<keyof TaskQuery, unknown>>): Promise<TaskTotal> {
  const query = parseInput(taskQuery, raw);
  const [row] = await fastRead<{ n: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Task" t WHERE ${taskWhereSql(actor, query, now())} LIMIT ${countWindow(query.page, query.size) + 1}) c`,
  );
  return pagerOf(row?.n ?? 0, query.page, query.size);
}
