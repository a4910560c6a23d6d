import "server-only";
import { AppError } from "../errors/app-error";
import { formSchema, type FormDefinition } from "./forms";

/** Validates form data (start or task form) on the server; unknown fields are dropped. */
export function validateFormData(form: FormDefinition | null | undefined, data: unknown): Record<string, unknown> {
  if (!form) return {};
  const parsed = formSchema(form).safeParse(data ?? {});
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const fieldErrors: Record<string, string> = {};
  for (const i of parsed.error.issues) fieldErrors[String(i.path[0] ?? "_")] ??= i.message.startsWith("validation.") ? i.message : `validation.${i.code}`;
  throw new AppError("validation", { fieldErrors });
}
