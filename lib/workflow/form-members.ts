import "server-only";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { membersOfHeadedDepartments } from "../org/department-members";
import type { FormDefinition } from "./forms";

/**
 * "member" fields (a person of the departments the one completing heads) against who
 * that person may pick: the server holds the API to what the task page offers.
 */
export async function checkMemberFields(tx: Db | Tx, actorId: string, form: FormDefinition | null | undefined, data: Record<string, unknown>) {
  const fields = (form?.fields ?? []).filter((f) => f.type === "member" && typeof data[f.name] === "string");
  if (!fields.length) return;
  const allowed = new Set((await membersOfHeadedDepartments(tx, actorId)).map((m) => m.id));
  const fieldErrors: Record<string, string> = {};
  for (const f of fields) if (!allowed.has(data[f.name] as string)) fieldErrors[f.name] = "validation.member_not_in_department";
  if (Object.keys(fieldErrors).length) throw new AppError("validation", { fieldErrors });
}
