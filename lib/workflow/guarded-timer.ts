import "server-only";
import * as Elements from "bpmn-elements";
import { minTimerCycleMs, parseCycle } from "./limits";

type TimerDefinition = new (...args: never[]) => { parse(timerType: string, value: string): unknown };
const Base = Elements.TimerEventDefinition as unknown as TimerDefinition;

/**
 * The engine's timer with the product's rules on cycles, for values known only at run
 * time (${...}): a cycle the product cannot read, or one repeating more often than the
 * minimum, stops the instance as an incident instead of spinning (a zero period loops
 * forever inside the engine's ISO 8601 parser). Literal values are refused at publish.
 */
export class GuardedTimerEventDefinition extends Base {
  parse(timerType: string, value: string) {
    if (timerType === "timeCycle") {
      const cycle = parseCycle(String(value));
      if (!cycle) throw new RangeError(`timer_cycle_invalid: ${value}`);
      if (cycle.ms < minTimerCycleMs()) throw new RangeError(`timer_cycle_too_frequent: ${value}`);
    }
    return super.parse(timerType, value);
  }
}
