import "server-only";
import { Engine } from "bpmn-engine";
import { dedupe, moveToken, postponedDeep, processEnv, toWait, type EngineLike, type FlowEvent, type StepAction, type StepOutcome, type Wait } from "./engine-api";
import { durableTimers } from "./durable-timers";
import { processVariables, safeExpressions } from "./expressions";
import { STEP_LIMITS } from "./limits";

/*
 * The one place that drives bpmn-engine. Each call builds a new Engine from the
 * persisted state, performs one action and reports what the instance now waits
 * for; callers persist that in one transaction with optimistic locking.
 */

/** Script tasks never run: nothing can be registered or fetched. */
const disabledScripts = { register() {}, getScript() {} };

// bpmn-engine makes three `debug` loggers per element for every new Engine, and
// `debug` asks whether stderr is a terminal for each one. A logger depends only
// on its scope (the same DEBUG namespaces apply), so each is made once.
type LoggerFactory = (scope: string) => unknown;
const engineLogger = (new (Engine as unknown as new (o: object) => { options: { Logger: LoggerFactory } })({ name: "logger" })).options.Logger;
const loggers = new Map<string, unknown>();
function cachedLogger(scope: string) {
  let logger = loggers.get(scope);
  if (!logger) {
    if (loggers.size > 20_000) loggers.clear();
    loggers.set(scope, (logger = engineLogger(scope)));
  }
  return logger;
}

/**
 * A step that entered more activities or ran longer than STEP_LIMITS (a loop that never
 * waits, a chain the engine's recursion cannot hold). The caller keeps the stored
 * instance as it was and records an incident; nothing of the step is saved.
 */
export class StepLimitExceeded extends Error {
  constructor(readonly detail: string) {
    super(`step_budget: ${detail}`);
    this.name = "StepLimitExceeded";
  }
}

/** What an engine error means for the people who read the incident: a message key under processes.incident. */
function incidentCode(message: string): string {
  if (/^timer_cycle_(invalid|too_frequent)/.test(message)) return message.slice(0, message.indexOf(":"));
  if (/cardinality or collection is required/i.test(message)) return "loop_unsupported";
  if (/expression/i.test(message)) return "expression_failed";
  if (/^Script format/i.test(message)) return "script_unsupported";
  return "engine_error";
}

/**
 * Runs one action on an instance. Returns null when the target wait does not exist (any more).
 * `handOver`: the caller passes a state object it will not use again (freshly
 * read from the database), so the engine may take it without a defensive copy.
 * Throws StepLimitExceeded when the step goes past STEP_LIMITS.
 */
export async function runStep(context: unknown, state: unknown, action: StepAction, startVariables: Record<string, unknown> = {}, handOver = false): Promise<StepOutcome | null> {
  const { timers, armed } = durableTimers();
  const engine = new (Engine as unknown as new (o: object) => EngineLike)({
    name: "instance",
    Logger: cachedLogger,
    sourceContext: context,
    scripts: disabledScripts,
    expressions: safeExpressions,
    timers,
    variables: action.kind === "start" ? startVariables : undefined,
  });
  const events: FlowEvent[] = [];
  const budget = { entered: 0, until: performance.now() + STEP_LIMITS.ms };
  let error: string | undefined;
  let firstActivityError: string | undefined;
  engine.broker.subscribeTmp("event", "activity.enter", (_rk, m) => {
    events.push({ type: "entered", elementId: m.content.id, elementType: m.content.type });
    // Thrown inside the engine's synchronous run: it unwinds to the await below.
    if (++budget.entered > STEP_LIMITS.activities) throw new StepLimitExceeded(`${budget.entered} activities entered, the last ${m.content.id}`);
    if (performance.now() > budget.until) throw new StepLimitExceeded(`${STEP_LIMITS.ms} ms spent, at ${m.content.id}`);
  }, { noAck: true });
  // A discarded element (the branch not taken) announces a discard, then a leave: it was never there.
  const discarded = new Set<string>();
  engine.broker.subscribeTmp("event", "activity.discard", (_rk, m) => discarded.add((m.content as { executionId?: string }).executionId ?? ""), { noAck: true });
  engine.broker.subscribeTmp("event", "activity.leave", (_rk, m) => {
    const c = m.content as { id: string; type: string; executionId?: string };
    if (discarded.has(c.executionId ?? "") || "discardSequence" in c) return;
    events.push({ type: "left", elementId: c.id, elementType: c.type });
  }, { noAck: true });
  // The engine's own error of a call activity can be empty; the failing activity says why.
  engine.broker.subscribeTmp("event", "activity.error", (_rk, m) => {
    const c = m.content as { id?: string; error?: { message?: string } };
    firstActivityError ??= c.error?.message ? `${c.id}: ${c.error.message}` : undefined;
  }, { noAck: true });
  // An expression's own error keeps its code through the engine's wrapping (ActivityError copies name and code).
  let errorCode: string | undefined;
  engine.on("error", (e) => {
    error = e instanceof Error ? e.message : String(e);
    const { name, code } = (e ?? {}) as { name?: string; code?: unknown };
    if (name === "ExpressionError" && typeof code === "string") errorCode = code;
  });
  // Timers that fired in this step: an expired timer fires by itself during resume.
  const timedOut = new Set<string>();
  engine.broker.subscribeTmp("event", "activity.timeout", (_rk, m) => timedOut.add((m.content as { executionId?: string }).executionId ?? ""), { noAck: true });
  // Message waits announce their message on activity.wait (re-fired on every resume).
  const messages = new Map<string, { id?: string; name?: string }>();
  engine.broker.subscribeTmp("event", "activity.wait", (_rk, m) => {
    const c = m.content as { executionId?: string; message?: { id?: string; name?: string } };
    if (c.executionId && c.message?.id) messages.set(c.executionId, c.message);
  }, { noAck: true });

  let variablesBefore: Record<string, unknown> = {};
  try {
    if (action.kind === "start") {
      await engine.execute();
    } else {
      engine.recover(handOver ? state : structuredClone(state));
      await engine.resume();
      variablesBefore = processVariables(processEnv(engine).variables);
      // Resume re-fires enters of waiting elements: not new history (nor budget). But
      // when an expired timer fired during resume, what followed it is.
      if (timedOut.size === 0) events.length = 0;
      budget.entered = 0;
      if (action.kind === "signal" || action.kind === "error" || action.kind === "move") {
        const waiting = postponedDeep(engine);
        const api = waiting.find((a) => a.executionId === action.executionId);
        if (!api) return null;
        if (action.kind === "move") {
          moveToken(api, action.targetId, waiting);
        } else if (action.kind === "signal") {
          Object.assign(processEnv(engine).variables, action.variables ?? {});
          api.signal(action.output ?? {});
        } else {
          api.sendApiMessage("error", { message: action.message, code: action.code });
        }
      } else if (action.kind === "fireTimer") {
        const live = armed().some((t) => t.executionId === action.executionId);
        if (live) engine.execution.cancelActivity({ id: action.elementId, executionId: action.executionId });
        // Neither waiting nor expired just now: it fired in an earlier step (a job run twice).
        else if (!timedOut.has(action.executionId)) return null;
      }
    }
  } catch (e) {
    if (e instanceof StepLimitExceeded) throw e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new StepLimitExceeded(`the engine's call stack overflowed after ${budget.entered} activities`);
    throw e;
  }

  const snapshot = await engine.getState();
  for (const d of snapshot.definitions) delete d.source;
  const waiting = postponedDeep(engine);
  const waits = dedupe(waiting.map((a) => toWait(a, messages)).filter((w): w is Wait => w !== null));
  const timersArmed = armed();
  const completed = engine.state === "idle" && !error && engine.execution.getPostponed().length === 0;
  let status: StepOutcome["status"] = error || engine.state === "error" ? "error" : completed ? "completed" : "running";
  let detail = error ? error || firstActivityError || "engine error" : undefined;
  if (status === "error" && !detail) detail = firstActivityError ?? "engine error";
  // Running, yet nothing a person, a job or a message could ever move on: stuck for good.
  if (status === "running" && waits.length === 0 && timersArmed.length === 0) {
    status = "error";
    detail = `waiting at ${waiting.map((a) => a.id).join(", ") || "nothing"} with nothing that can move it on`;
    return { status, state: snapshot, waits, timers: timersArmed, variables: processVariables(processEnv(engine).variables), variablesBefore, events, error: detail, errorCode: "nothing_to_wait_for" };
  }
  return {
    status,
    state: snapshot,
    waits,
    timers: timersArmed,
    variables: processVariables(processEnv(engine).variables),
    variablesBefore,
    events,
    error: detail,
    errorCode: detail ? (errorCode ?? incidentCode(detail)) : undefined,
  };
}
