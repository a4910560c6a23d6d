import "server-only";
import type { ArmedTimer } from "./durable-timers";
import { DIAGRAM_LIMITS } from "./limits";

/*
 * The shapes of the engine as the runtime sees it (bpmn-engine has no types of its
 * own), and the few things done to a running engine: reading what waits, moving a token.
 */

type WaitKind = "userTask" | "serviceTask" | "message";
export type Wait = {
  kind: WaitKind;
  executionId: string;
  elementId: string;
  name: string;
  attrs: Record<string, unknown>;
  messageName?: string;
};
export type FlowEvent = { type: "entered" | "left"; elementId: string; elementType: string };
export type StepOutcome = {
  status: "running" | "completed" | "error";
  state: unknown;
  waits: Wait[];
  timers: ArmedTimer[];
  variables: Record<string, unknown>;
  /** The process variables before this action (empty for a start): history records what changed. */
  variablesBefore: Record<string, unknown>;
  events: FlowEvent[];
  /** Technical detail of an error (English, for operators). */
  error?: string;
  /** What the error means, a message key under processes.incident. */
  errorCode?: string;
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
export type Api = {
  id: string;
  type: string;
  executionId: string;
  content: { isRootScope?: boolean } & Record<string, unknown>;
  owner: ActivityLike & { name?: string; behaviour?: Record<string, unknown>; execution?: { getPostponed?: () => Api[] } };
  signal: (data?: unknown) => void;
  sendApiMessage: (type: string, content: unknown) => void;
};
export type EngineLike = {
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

/**
 * Every waiting element, including those inside embedded sub-processes. The walk goes
 * as deep as the deepest nesting a diagram may have (lint refuses deeper ones); an
 * activity lists its own executions again beneath it, which the walk keeps as the
 * engine gives them (a token move discards boundary events through these).
 */
const WALK_DEPTH = 2 * DIAGRAM_LIMITS.nesting + 4;
export function postponedDeep(engine: EngineLike): Api[] {
  const out: Api[] = [];
  const walk = (apis: Api[], depth: number) => {
    for (const a of apis) {
      out.push(a);
      if (depth < WALK_DEPTH) walk((a.owner?.execution?.getPostponed?.() ?? []).filter((k) => k.executionId !== a.executionId), depth + 1);
    }
  };
  walk(engine.execution.getPostponed(), 0);
  return out;
}

export function toWait(a: Api, messages: Map<string, { id?: string; name?: string }>): Wait | null {
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

export function dedupe(waits: Wait[]): Wait[] {
  const seen = new Set<string>();
  return waits.filter((w) => !seen.has(w.executionId) && !!seen.add(w.executionId));
}

export function processEnv(engine: EngineLike) {
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
export function moveToken(api: Api, targetId: string, waiting: Api[]) {
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
