import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { validateFormData } from "./form-data";
import { startForm } from "./start-form";
import { startInstance } from "./start-instance";

/** Starts a process by hand: employees only, with the start form validated on the server. */
export async function startByKey(db: Db, who: Actor, input: { key: string; businessKey?: string; supplierId?: string; data: Record<string, unknown> }) {
  const actor = requireEmployee(who);
  const def = await db.processDefinition.findFirst({ where: { key: input.key, status: "published" }, orderBy: { version: "desc" } });
  if (!def) throw new AppError("process_not_found", { params: { key: input.key } });
  const variables = validateFormData(startForm(def.context), input.data);
  const supplierId = input.supplierId ?? (typeof variables.supplierId === "string" ? variables.supplierId : undefined);
  if (supplierId && !(await db.supplier.findUnique({ where: { id: supplierId }, select: { id: true } }))) {
    throw new AppError("validation", { fieldErrors: { supplierId: "validation.invalid_value" } });
  }
  return startInstance(db, actor, { key: input.key, businessKey: input.businessKey, supplierId, variables });
}
