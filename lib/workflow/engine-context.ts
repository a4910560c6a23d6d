import "server-only";
import * as Elements from "bpmn-elements";
import serializer, { deserialize, TypeResolver } from "moddle-context-serializer";
import { GuardedTimerEventDefinition } from "./guarded-timer";
import type { ModdleContext } from "./moddle";

/*
 * What the engine runs: a parsed diagram serialised into the engine's context (stored
 * with each published version) and deserialised, once per version, when it runs.
 */

// Service-like tasks become wait states: their work runs as a job after commit,
// and the job signals the result (the stock ServiceTask re-runs on every resume).
const typeResolver = TypeResolver({ ...Elements }, (types: Record<string, unknown>) => {
  types["bpmn:ServiceTask"] = Elements.SignalTask;
  types["bpmn:SendTask"] = Elements.SignalTask;
  types["bpmn:BusinessRuleTask"] = Elements.SignalTask;
  // Timer values are checked where they are known: at publish, and here for ${...} ones.
  types["bpmn:TimerEventDefinition"] = GuardedTimerEventDefinition;
  // Data definitions (item definitions of properties) carry nothing the runtime needs.
  types["bpmn:ItemDefinition"] = Elements.Dummy;
});

type Reference = { element?: { $type?: string } };

/**
 * The engine's view of a parsed diagram. Collaborations (pools, message flows between
 * them) are drawing only here: messages are delivered by name, so they are left out,
 * and a message flow into an element of a sub-process no longer trips the serializer.
 */
export function serializeContext(moddle: ModdleContext): unknown {
  const runnable = {
    ...moddle,
    references: (moddle.references as Reference[]).filter((r) => r.element?.$type !== "bpmn:MessageFlow"),
    rootElement: { ...moddle.rootElement, rootElements: (moddle.rootElement.rootElements ?? []).filter((r) => r.$type !== "bpmn:Collaboration") },
  };
  return JSON.parse(serializer(runnable as never, typeResolver).serialize());
}

/** A deserialized context that is not cached (a diagram being designed, not a published version). */
export function freshContext(json: unknown) {
  return deserialize(json as object, typeResolver);
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
