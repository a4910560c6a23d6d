import "server-only";
import type { Db, Tx } from "../db/client";
import { formOfDefinition } from "./form-store";
import { type FormDefinition } from "./forms";

type ContextActivity = { id: string; type: string; parent?: { id?: string; type?: string }; behaviour?: Record<string, unknown> };
type StoredContext = { processes?: { id: string }[]; activities?: ContextActivity[] };

/**
 * The ff:formKey of a definition's start event, read from the stored engine
 * context (no XML parse). Only a start event directly in the executable
 * process counts: start events of sub-processes are not how people start it.
 */
export function startFormKey(context: unknown): string | null {
  const ctx = (context ?? {}) as StoredContext;
  const processId = ctx.processes?.[0]?.id;
  const start = (ctx.activities ?? []).find(
    (a) => a.type === "bpmn:StartEvent" && a.parent?.type === "bpmn:Process" && (!processId || a.parent.id === processId) && typeof a.behaviour?.formKey === "string",
  );
  const key = start?.behaviour?.formKey;
  return typeof key === "string" && key.trim() ? key.trim() : null;
}

/** The start form of a published definition (the version it pinned), if it has one people can fill in. */
export async function startForm(db: Db | Tx, definition: { id: string; context: unknown }): Promise<FormDefinition | null> {
  return formOfDefinition(db, definition.id, startFormKey(definition.context));
}
