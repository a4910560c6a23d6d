import "server-only";
import type { Actor, EmployeeActor, SupplierActor } from "../../auth/actor";
import { requirePermission, requireSupplierAdmin } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError, isUniqueViolation } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { logger } from "../../log/logger";
import { lockAsSupplierAdmin } from "../supplier-admin-lock";
import { nextBusinessKey } from "../../workflow/business-key";
import { runJobNow } from "../../workflow/jobs/run-job-now";
import { CODE_FIELDS, proposalOf, type ChangeField } from "./change-fields";
import { supplierChangeInput, type SupplierChangeInput } from "./supplier-change.schema";

/** The change flow (processes/supplier-change.bpmn, SRM-4) and the job that starts it. */
export const SUPPLIER_CHANGE = { key: "supplier_change", job: "srm.startSupplierChange" } as const;

/**
 * Who may propose: a buyer (supplier.manage) for any supplier, or a supplier's own
 * portal administrator for its own data only: the supplier is the session's, whatever
 * the input names.
 */
function proposer(who: Actor | null): EmployeeActor | SupplierActor {
  return who?.realm === "supplier" ? requireSupplierAdmin(who) : requirePermission(who, "supplier.manage");
}

/**
 * A buyer, or the supplier's administrator from the portal, proposes a change to a
 * supplier's master data. Only the fields that differ from the archive are stored, with
 * the archive's value at that moment; nothing in the archive changes until the change
 * flow approves it (applySupplierChangeStep), whoever proposed it. One open proposal
 * per supplier. The proposal (with its proposer: an employee or a supplier user), its
 * audit row and the job that starts its flow commit together; the flow is then started at once.
 */
export async function proposeSupplierChange(db: Db, who: Actor | null, raw: Omit<SupplierChangeInput, "supplierId"> & { supplierId?: string }) {
  const actor = proposer(who);
  const input = parseInput(supplierChangeInput, actor.realm === "supplier" ? { ...raw, supplierId: actor.supplierId } : raw);
  const supplier = await db.supplier.findUnique({ where: { id: input.supplierId } });
  if (!supplier) throw new AppError("not_found");
  const proposal = proposalOf(supplier, input);
  const changed = Object.keys(proposal) as ChangeField[];
  if (!changed.length) throw new AppError("supplier_change_empty");

  // A changed code must be one of the ERP's active codes.
  const fieldErrors: Record<string, string> = {};
  for (const f of changed) {
    const kind = CODE_FIELDS[f];
    const code = proposal[f]!.to;
    if (kind && code && !(await db.masterData.findFirst({ where: { kind, code, active: true }, select: { id: true } }))) fieldErrors[f] = "validation.pick_from_list";
  }
  if (Object.keys(fieldErrors).length) throw new AppError("validation", { fieldErrors });

  const number = await nextBusinessKey(db, actor, SUPPLIER_CHANGE.key);
  const { change, jobKey } = await db.$transaction(async (tx) => {
    // Still an active administrator of this supplier (not removed meanwhile by a colleague).
    if (actor.realm === "supplier") await lockAsSupplierAdmin(tx, actor);
    if (await tx.supplierChange.count({ where: { supplierId: supplier.id, status: "pending" } })) throw new AppError("supplier_change_pending");
    const change = await tx.supplierChange.create({
      data: { number, supplierId: supplier.id, changes: proposal, reason: input.reason, ...(actor.realm === "supplier" ? { proposedBySupplierUserId: actor.id } : { proposedById: actor.id }) },
    });
    await writeAudit(tx, actor, {
      action: "supplier.change_proposed",
      entity: "Supplier",
      entityId: supplier.id,
      before: Object.fromEntries(changed.map((f) => [f, proposal[f]!.from])),
      after: { ...Object.fromEntries(changed.map((f) => [f, proposal[f]!.to])), number },
    });
    const jobKey = `${SUPPLIER_CHANGE.job}:${change.id}`;
    await tx.job.create({ data: { kind: SUPPLIER_CHANGE.job, idempotencyKey: jobKey, payload: { changeId: change.id, ...(actor.realm === "employee" ? { startedBy: actor.id } : {}) } } });
    return { change, jobKey };
  }).catch((e: unknown) => {
    // Two proposals at once: the partial unique index on pending changes lets one through.
    if (isUniqueViolation(e)) throw new AppError("supplier_change_pending");
    throw e;
  });
  await runJobNow(db, jobKey).catch((e) => logger.warn({ err: e, changeId: change.id }, "supplier change flow not started now; the job worker will"));
  return change;
}
