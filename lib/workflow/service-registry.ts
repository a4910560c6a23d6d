import "server-only";
import type { Db } from "../db/client";

export type ServiceContext = {
  db: Db;
  instanceId: string;
  businessKey: string | null;
  elementId: string;
  variables: Record<string, unknown>;
  /** Stable per task execution: pass it to the other system so a retry is not a second write. */
  idempotencyKey: string;
  attempt: number;
};

export type ServiceHandler = {
  name: string;
  /** Shown in the editor's handler picker. */
  labelZh: string;
  labelEn: string;
  /** Runs after the step committed; returns variables to merge into the instance. */
  run: (ctx: ServiceContext) => Promise<Record<string, unknown> | void>;
  maxAttempts?: number;
};

const g = globalThis as { __ffServiceHandlers?: Map<string, ServiceHandler> };
const handlers = (g.__ffServiceHandlers ??= new Map());

/** Handlers are registered in code only; a BPMN file can name them, never define them. */
export function registerServiceHandler(h: ServiceHandler) {
  handlers.set(h.name, h);
}

export function serviceHandler(name: string): ServiceHandler | undefined {
  return handlers.get(name);
}

export function listServiceHandlers(): ServiceHandler[] {
  return [...handlers.values()].sort((a, b) => a.name.localeCompare(b.name));
}
