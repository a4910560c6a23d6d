import "server-only";
import { Engine } from "bpmn-engine";
import * as Elements from "bpmn-elements";
import serializer, { deserialize, TypeResolver } from "moddle-context-serializer";
import { durableTimers, type ArmedTimer } from "./durable-timers";
import { processVariables, safeExpressions } from "./expressions";
import type { ModdleContext } from "./moddle";

/*
 * The one place that drives bpmn-engine. Each call builds a new Engine from the
 * persisted state, performs one action and reports what the instance now waits
 * for; callers persist that in one transaction with optimistic locking.
 */

// Service-like tasks become wait states: their work runs as a job after commit,
// and the job signals the result (the stock ServiceTask re-runs on every resume).
const typeResolver = TypeResolver({ ...Elements }, (types: Record<string, unknown>) => {
  types["bpmn:ServiceTask"] = Elements.SignalTask;
  types["bpmn:SendTask"] = Elements.SignalTask;
  types["bpmn:BusinessRuleTask"] = Elements.SignalTask;
});

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

export function serializeContext(moddle: ModdleContext): unknown {
  return JSON.parse(serializer(moddle as never, typeResolver).serialize());
}

const contextCache = new Map<string, unknown>();
export function cachedContext(definitionId: string): unknown | undefined {
  return contextCache.get(definitionId);
}
/** Deserialized contexts are read-only and cached per published definition id. */
export function loadContext(definitionId: string, json: unknown) {
  let ctx = contextCache.get(definitionId);
  if (!ctx) {
    ctx = deserialize(json as object, typeResolver);
    if (contextCache.size > 500) contextCache.clear();
    contextCache.set(definitionId, ctx);
  }
  return ctx;
}

type WaitKind = "userTask" | "serviceTask" | "message";
export type Wait = {
  kind: WaitKind;
  executionId: string;
  elementId: string;
  name: string;
  attrs: Record<string, unknown>;
  messageName?: string;
};
type FlowEvent = { type: "entered" | "left"; elementId: string; elementType: string };
export type StepOutcome = {
  status: "running" | "completed" | "error";
  state: unknown;
  waits: Wait[];
  timers: ArmedTimer[];
  variables: Record<string, unknown>;
  /** The process variables before this action (empty for a start): history records what changed. */
  variablesBefore: Record<string, unknown>;
  events: FlowEvent[];
  error?: string;
};

export type StepAction =
  | { kind: "start" }
  | { kind: "resume" }
  | { kind: "signal"; executionId: string; output?: Record<string, unknown>; variables?: Record<string, unknown> }
  | { kind: "fireTimer"; elementId: string; executionId: string }
  | { kind: "error"; executionId: string; code: string; message: string }
  /** An operator moves a waiting user task's token to another user task of the same scope. */
  | { kind: "move"; executionId: string; targetId: string };

/** Why the engine refused a move (the caller checks the definition first; this guards the live state). */
export class MoveRefused extends Error {
  constructor(readonly reason: "not_user_task" | "other_scope" | "target_active") {
    super(`move refused: ${reason}`);
    this.name = "MoveRefused";
  }
}

type ActivityLike = {
  id: string;
  type: string;
  isRunning: boolean;
  parent?: { id?: string };
  attachedTo?: { id: string };
  run: (content?: object) => void;
  getActivityById: (id: string) => ActivityLike | undefined;
  broker: { publish: (exchange: string, routingKey: string, content: object) => void };
};
type Api = {
  id: string;
  type: string;
  executionId: string;
  content: { isRootScope?: boolean } & Record<string, unknown>;
  owner: ActivityLike & { name?: string; behaviour?: Record<string, unknown>; execution?: { getPostponed?: () => Api[] } };
  signal: (data?: unknown) => void;
  sendApiMessage: (type: string, content: unknown) => void;
};
type EngineLike = {
  state: string;
  execution: { getPostponed: () => Api[]; definitions: { execution: { processes: { environment: { variables: Record<string, unknown> } }[] } }[]; cancelActivity: (m: object) => void };
  broker: { subscribeTmp: (ex: string, pattern: string, fn: (rk: string, msg: { content: { id: string; type: string } }) => void, opts: object) => void };
  getState: () => Promise<{ definitions: { source?: unknown }[] }>;
  recover: (state: unknown) => EngineLike;
  resume: () => Promise<unknown>;
  execute: () => Promise<unknown>;
  once: (e: string, fn: (...a: unknown[]) => void) => void;
  on: (e: string, fn: (...a: unknown[]) => void) => void;
};

/** Every waiting element, including those inside embedded sub-processes. */
function postponedDeep(engine: EngineLike): Api[] {
  const out: Api[] = [];
  const walk = (apis: Api[], depth: number) => {
    for (const a of apis) {
      out.push(a);
      if (depth < 10) walk((a.owner?.execution?.getPostponed?.() ?? []).filter((k) => k.executionId !== a.executionId), depth + 1);
    }
  };
  walk(engine.execution.getPostponed(), 0);
  return out;
}

function toWait(a: Api, messages: Map<string, { id?: string; name?: string }>): Wait | null {
  const attrs = { ...(a.owner?.behaviour ?? {}) };
  const name = a.owner?.name ?? (attrs.name as string) ?? a.id;
  if (a.type === "bpmn:UserTask") return { kind: "userTask", executionId: a.executionId, elementId: a.id, name, attrs };
  if (["bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask"].includes(a.type)) return { kind: "serviceTask", executionId: a.executionId, elementId: a.id, name, attrs };
  const message = messages.get(a.executionId);
  if (message?.id) {
    return { kind: "message", executionId: a.executionId, elementId: a.id, name, attrs, messageName: message.name ?? message.id };
  }
  return null;
}

function dedupe(waits: Wait[]): Wait[] {
  const seen = new Set<string>();
  return waits.filter((w) => !seen.has(w.executionId) && !!seen.add(w.executionId));
}

function processEnv(engine: EngineLike) {
  return engine.execution.definitions[0].execution.processes[0].environment;
}

/**
 * Moves a waiting user task's token: the target activity starts in the same
 * scope (process or embedded sub-process) first, then the waiting activity is
 * discarded without taking or discarding its outbound flows, so nothing after
 * it runs and the scope never looks finished in between. Boundary events of
 * the waiting activity go with it. The history shows the target entered and
 * the source left.
 */
function moveToken(api: Api, targetId: string, waiting: Api[]) {
  if (api.type !== "bpmn:UserTask" || api.content.isRootScope === false) throw new MoveRefused("not_user_task");
  // An activity's context is its scope's: a target in another sub-process is not a sibling.
  const target = api.owner.getActivityById(targetId);
  if (!target || target.type !== "bpmn:UserTask") throw new MoveRefused("not_user_task");
  if ((target.parent?.id ?? null) !== (api.owner.parent?.id ?? null)) throw new MoveRefused("other_scope");
  if (target.isRunning || target.id === api.id) throw new MoveRefused("target_active");
  target.run();
  // Boundary events would be discarded when the activity leaves, and their discard
  // would run down their own paths (an escalation path may lead to the target):
  // they go first, also without touching their outbound flows.
  for (const b of waiting) {
    if (b.type === "bpmn:BoundaryEvent" && b.owner.attachedTo?.id === api.id) b.owner.broker.publish("execution", "execute.discard", { ...b.content, ignoreOutbound: true });
  }
  api.owner.broker.publish("execution", "execute.discard", { ...api.content, ignoreOutbound: true });
}

/** Runs one action on an instance. Returns null when the target wait does not exist (any more). */
/**
 * `handOver`: the caller passes a state object it will not use again (freshly
 * read from the database), so the engine may take it without a defensive copy.
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
  let error: string | undefined;
  engine.broker.subscribeTmp("event", "activity.enter", (_rk, m) => events.push({ type: "entered", elementId: m.content.id, elementType: m.content.type }), { noAck: true });
  engine.broker.subscribeTmp("event", "activity.leave", (_rk, m) => events.push({ type: "left", elementId: m.content.id, elementType: m.content.type }), { noAck: true });
  engine.on("error", (e) => (error = e instanceof Error ? e.message : String(e)));
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
  if (action.kind === "start") {
    await engine.execute();
  } else {
    engine.recover(handOver ? state : structuredClone(state));
    await engine.resume();
    variablesBefore = processVariables(processEnv(engine).variables);
    // Resume re-fires enters of waiting elements: not new history. But when an
    // expired timer fired during resume, what followed it is.
    if (timedOut.size === 0) events.length = 0;
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

  const snapshot = await engine.getState();
  for (const d of snapshot.definitions) delete d.source;
  const completed = engine.state === "idle" && !error && engine.execution.getPostponed().length === 0;
  return {
    status: error || engine.state === "error" ? "error" : completed ? "completed" : "running",
    state: snapshot,
    waits: dedupe(postponedDeep(engine).map((a) => toWait(a, messages)).filter((w): w is Wait => w !== null)),
    timers: armed(),
    variables: processVariables(processEnv(engine).variables),
    variablesBefore,
    events,
    error,
  };
}
