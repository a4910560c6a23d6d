import "server-only";
import { addIsoDuration } from "./clock";

/**
 * What one engine step may do before it is stopped as an incident: a step is the
 * run from one wait to the next, and no legitimate flow enters hundreds of activities
 * or computes for a second without waiting (the engine's own recursion overflows the
 * stack at about 330 activities in a row).
 */
export const STEP_LIMITS = { activities: 300, ms: 1000 } as const;

/**
 * What a published diagram may hold. Every step rebuilds the whole diagram's
 * activities (about 0.25 ms per flow node), so its size is the cost of every task
 * completion (npm run bench:diagram-size: 500 nodes about 125 ms a completion, 1,000
 * nodes about 250 ms, during which the server does nothing else). Approval flows are far
 * smaller; a larger one is split into called processes. Sub-processes deeper than 10
 * levels are not something people draw. A drawn diagram of 500 nodes has about 6,000
 * XML elements (shapes, edges, waypoints): past `xmlTags` a file is refused unparsed.
 */
export const DIAGRAM_LIMITS = { nesting: 10, xmlTags: 20_000 } as const;

/** The most flow nodes a published diagram may have: DIAGRAM_MAX_NODES (an administrator's setting), 500 by default. */
export function maxFlowNodes(env = process.env): number {
  const n = Number(env.DIAGRAM_MAX_NODES ?? 500);
  return Number.isInteger(n) && n > 0 ? n : 500;
}

/** The shortest timer cycle: TIMER_MIN_CYCLE_S (an administrator's setting), one minute by default. */
export function minTimerCycleMs(env = process.env): number {
  const s = Number(env.TIMER_MIN_CYCLE_S ?? 60);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 60_000;
}

/** A repeating timer as this product runs it: `R<n>/<duration>` or `R/<duration>` (unbounded). */
export function parseCycle(value: string): { repetitions: number | null; ms: number } | null {
  const m = /^R(\d*)\/(P[0-9YMWDTHS]+)$/.exec(value.trim());
  if (!m) return null;
  const end = addIsoDuration(new Date(0), m[2]);
  if (!end) return null;
  return { repetitions: m[1] === "" ? null : Number(m[1]), ms: end.getTime() };
}
