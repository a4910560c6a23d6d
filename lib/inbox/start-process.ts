import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { nextBusinessKey } from "../workflow/business-key";
import { validateFormData } from "../workflow/form-data";
import { startInstance } from "../workflow/start-instance";
import { getStartableProcess } from "./list-startable-processes";

/**
 * Starts a process from its start form: validated on the server against the
 * form definition, given a readable business key, and scoped to the supplier a
 * "supplier" field names (so portal tasks and attachments stay in that tenant).
 */
export async function startProcess(db: Db, who: Actor, input: { key: string; data: Record<string, unknown> }) {
  const actor = requireEmployee(who);
  const proc = await getStartableProcess(db, input.key);
  const data = validateFormData(proc.form, input.data);

  const supplierField = proc.form.fields.find((f) => f.type === "supplier" && typeof data[f.name] === "string");
  const supplierId = supplierField ? (data[supplierField.name] as string) : null;
  if (supplierField && supplierId) {
    const ok = await db.supplier.count({ where: { id: supplierId, status: "active" } });
    if (!ok) throw new AppError("validation", { fieldErrors: { [supplierField.name]: "validation.invalid_value" } });
  }

  const businessKey = await nextBusinessKey(db, actor, proc.key);
  const started = await startInstance(db, actor, { key: proc.key, businessKey, supplierId, variables: data });
  return { instanceId: started.id, businessKey, status: started.status };
}
