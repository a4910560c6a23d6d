import "server-only";
import { SYSTEM } from "../../auth/actor";
import { loadEmployeeActor } from "../../auth/load-actor";
import type { Db } from "../../db/client";
import type { ClaimedJob } from "../../workflow/jobs/claim-jobs";
import { startInstance } from "../../workflow/start-instance";
import { readProposal, touchesBank } from "./change-fields";
import { describeProposal } from "./describe-change";
import { SUPPLIER_CHANGE } from "./propose-supplier-change";

/**
 * Job srm.startSupplierChange: the change flow with the supplier as its record and
 * the proposal as the diff its approvers see. Run again after a crash, it links the
 * flow it started instead of starting a second one.
 */
export async function runStartSupplierChange(db: Db, job: ClaimedJob) {
  const changeId = String(job.payload.changeId);
  const change = await db.supplierChange.findUnique({ where: { id: changeId }, include: { supplier: { select: { code: true, name: true } } } });
  if (!change || change.status !== "pending" || change.instanceId) return;
  const earlier = await db.processInstance.findFirst({ where: { businessKey: change.number, definition: { key: SUPPLIER_CHANGE.key } }, select: { id: true } });
  let instanceId = earlier?.id;
  if (!instanceId) {
    const proposal = readProposal(change.changes);
    const startedBy = typeof job.payload.startedBy === "string" ? await loadEmployeeActor(job.payload.startedBy, db) : null;
    const started = await startInstance(db, startedBy ?? SYSTEM, {
      key: SUPPLIER_CHANGE.key,
      businessKey: change.number,
      recordType: "Supplier",
      recordId: change.supplierId,
      variables: {
        changeId: change.id,
        supplierCode: change.supplier.code,
        supplierName: change.supplier.name,
        changes: await describeProposal(db, proposal),
        changeReason: change.reason,
        // For the flow's gateway: a bank change goes to finance.
        bankChanged: touchesBank(proposal),
      },
    });
    instanceId = started.id;
  }
  await db.supplierChange.update({ where: { id: change.id }, data: { instanceId } });
}
