import "server-only";
import { validateExpression } from "./expressions";
import { minTimerCycleMs, parseCycle } from "./limits";
import type { El, LintProblem } from "./lint-types";

export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A timer as the runtime can run it: a duration (P2D), a date and time, or a cycle
 * R<n>/<duration> (R/<duration>: until the element it guards ends) no more frequent than
 * the administrator's minimum (TIMER_MIN_CYCLE_S). ${...} values are checked as
 * expressions here and against the same rules when they are computed.
 */
export function checkTimer(p: LintProblem[], el: El, def: El) {
  const d = def as El & { timeDuration?: { body?: string }; timeDate?: { body?: string }; timeCycle?: { body?: string } };
  const body = (d.timeDuration ?? d.timeDate ?? d.timeCycle)?.body?.trim();
  if (!body) return p.push({ code: "timer_missing", elementId: el.id });
  if (body.startsWith("${")) {
    const problem = validateExpression(body);
    if (problem) p.push({ code: problem.code, elementId: el.id, params: problem.params });
    return;
  }
  if (d.timeDuration) {
    if (!ISO_DURATION.test(body)) p.push({ code: "timer_invalid", elementId: el.id, params: { value: body } });
    return;
  }
  if (d.timeDate) {
    if (!ISO_DATE_TIME.test(body) || Number.isNaN(Date.parse(body))) p.push({ code: "timer_invalid", elementId: el.id, params: { value: body } });
    return;
  }
  const cycle = parseCycle(body);
  if (!cycle) return p.push({ code: "timer_invalid", elementId: el.id, params: { value: body } });
  const min = minTimerCycleMs();
  if (cycle.ms < min) p.push({ code: "timer_cycle_too_frequent", elementId: el.id, params: { value: body, minutes: String(Math.round((min / 60_000) * 10) / 10) } });
}
