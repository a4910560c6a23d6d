import "server-only";
import { z } from "zod";
import type { Actor, EmployeeActor, SystemActor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { nextBusinessKey } from "./business-key";
import { validateFormData } from "./form-data";
import { checkMemberFields } from "./form-members";
import { startForm } from "./start-form";
import { earlierStart, startInstance, type Started } from "./start-instance";
import { mayStart, startPolicy } from "./start-policy";

export type StartByHandInput = {
  key: string;
  data?: Record<string, unknown>;
  /** Given by other systems; an employee's starts get the next readable key (PR-20261128-0001). */
  businessKey?: string;
  /** Other systems name the supplier the instance concerns; an employee names it in the start form's supplier field. */
  supplierId?: string;
  /** Idempotency-Key header, or the start page's submission token. */
  startKey?: string;
};

const BUSINESS_KEY = z.string().trim().min(1).max(100).regex(/^[\p{L}\p{N}][\p{L}\p{N}._/:-]*$/u);

function starter(who: Actor | null | undefined): EmployeeActor | SystemActor {
  if (!who) throw new AppError("unauthenticated");
  if (who.realm === "supplier") throw new AppError("forbidden");
  return who;
}

/**
 * Starting a process by hand, the one rule for the start page, its server action
 * and POST /api/workflow/processes/{key}/instances: the process must declare who may
 * start it (ff:candidateStarterGroups; otherwise only the system does), an employee
 * fills its start form (validated here, never trusted from the browser), the
 * supplier it concerns must be an active supplier, a business key given by the
 * caller must be well formed (and unused where the process says so, checked in
 * startInstance's transaction), and a start key makes a repeated start return the
 * first instance.
 */
export async function startByHand(db: Db, who: Actor | null | undefined, input: StartByHandInput): Promise<Started> {
  const actor = starter(who);
  const def = await db.processDefinition.findFirst({ where: { key: input.key, status: "published" }, orderBy: { version: "desc" }, select: { id: true, key: true, context: true } });
  if (!def) throw new AppError("process_not_found", { params: { key: input.key } });
  const form = await startForm(db, def);
  // Employees start through a start form people can fill in; a process without one is started by the system.
  if (!mayStart(actor, startPolicy(def.context)) || (actor.realm === "employee" && !form)) throw new AppError("process_not_startable");

  const data = validateFormData(form, input.data ?? {});
  await checkMemberFields(db, actor.realm === "employee" ? actor.id : "", form, data);
  const supplierField = form?.fields.find((f) => f.type === "supplier" && typeof data[f.name] === "string");
  const fromForm = supplierField ? (data[supplierField.name] as string) : undefined;
  if (input.supplierId !== undefined && actor.realm === "employee" && input.supplierId !== fromForm) {
    throw new AppError("validation", { fieldErrors: { supplierId: "validation.invalid_value" } });
  }
  const supplierId = fromForm ?? input.supplierId ?? null;
  if (supplierId && !(await db.supplier.count({ where: { id: supplierId, status: "active" } }))) {
    throw new AppError("validation", { fieldErrors: { [supplierField?.name ?? "supplierId"]: "validation.invalid_value" } });
  }
  let businessKey: string | undefined;
  if (input.businessKey !== undefined) {
    const parsed = BUSINESS_KEY.safeParse(input.businessKey);
    if (!parsed.success) throw new AppError("validation", { fieldErrors: { businessKey: "validation.invalid_format" } });
    businessKey = parsed.data;
  }
  // A repeated start is answered before a new business key is handed out.
  const earlier = await earlierStart(db, actor, def.key, input.startKey);
  if (earlier) return earlier;
  return startInstance(db, actor, {
    key: def.key,
    businessKey: businessKey ?? (await nextBusinessKey(db, actor, def.key)),
    supplierId,
    variables: data,
    startKey: input.startKey,
  });
}
