import "server-only";
import * as Elements from "bpmn-elements";

export type ArmedTimer = { elementId: string; executionId: string; expireAt: Date; timerType?: string };

type TimerOwner = { id?: string; executionId?: string; timerType?: string; expireAt?: string | Date };

/**
 * Engine timers that never arm a setTimeout: a timer only records what is armed,
 * and the runtime turns that into durable jobs (the engine's own timers live in
 * memory and never arm delays of 2^31 ms or more). A timer fires when its job
 * runs, or by itself when the instance is resumed after its expiry.
 */
export function durableTimers() {
  const armed = new Map<object, ArmedTimer>();
  const timers = new Elements.Timers({
    setTimeout: (() => ({})) as unknown as typeof setTimeout,
    clearTimeout: (() => {}) as unknown as typeof clearTimeout,
  }) as unknown as {
    _setTimeout: (owner: TimerOwner, cb: unknown, delay: number, ...args: unknown[]) => object;
    clearTimeout: (ref: object) => unknown;
  };
  const set = timers._setTimeout.bind(timers);
  timers._setTimeout = (owner, cb, delay, ...args) => {
    const ref = set(owner, cb, delay, ...args);
    if (owner?.id && owner.executionId) {
      const expireAt = owner.expireAt ? new Date(owner.expireAt) : new Date(Date.now() + delay);
      armed.set(ref, { elementId: owner.id, executionId: owner.executionId, expireAt, timerType: owner.timerType });
    }
    return ref;
  };
  const clear = timers.clearTimeout.bind(timers);
  timers.clearTimeout = (ref) => {
    armed.delete(ref);
    return clear(ref);
  };
  return { timers, armed: () => [...armed.values()] };
}
