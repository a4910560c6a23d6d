import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { loadContext } from "./engine-host";
import { formDefinition, formSchema, type FormDefinition } from "./forms";

type Ctx = { getActivities: () => { type: string; behaviour?: Record<string, unknown> }[] };

/** The form of a definition's start event (ff:formKey), if it has one. */
export function startFormOf(definition: { id: string; context: unknown }): FormDefinition | undefined {
  const ctx = loadContext(definition.id, definition.context) as Ctx;
  const start = ctx.getActivities().find((a) => a.type === "bpmn:StartEvent" && a.behaviour?.formKey);
  return formDefinition(start?.behaviour?.formKey as string | undefined);
}

/** Published processes that people start by hand: those with a start form. */
export async function listStartableProcesses(db: Db) {
  const defs = await db.processDefinition.findMany({ where: { status: "published" }, orderBy: [{ key: "asc" }, { version: "desc" }], distinct: ["key"] });
  return defs.flatMap((d) => {
    const form = startFormOf(d);
    return form ? [{ key: d.key, name: d.name, version: d.version, form }] : [];
  });
}

/** Validates form data (start or task form) on the server; unknown fields are dropped. */
export function validateFormData(form: FormDefinition | undefined, data: unknown): Record<string, unknown> {
  if (!form) return {};
  const parsed = formSchema(form).safeParse(data ?? {});
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const fieldErrors: Record<string, string> = {};
  for (const i of parsed.error.issues) fieldErrors[String(i.path[0] ?? "_")] ??= i.message.startsWith("validation.") ? i.message : `validation.${i.code}`;
  throw new AppError("validation", { fieldErrors });
}
