import "server-only";
import { type FormDefinition } from "./forms";
import { formDefinition } from "./registry";

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

/** The registered start form of a definition, if it has one people can fill in. */
export function startForm(context: unknown): FormDefinition | null {
  return formDefinition(startFormKey(context)) ?? null;
}
