import "server-only";
import type { AuditActor } from "../../audit/write-audit";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db/client";
import { queueHeldOrderStart } from "../../erp/flow-start-jobs";
import { daysLeft, dayOf } from "./certificate-dates";
import { sameBlockReasons, type BlockReason } from "./block-reason";

/** The mandatory documents (by the supplier's categories) whose valid version has expired. */
async function expiredMandatory(tx: Tx, supplierId: string, at: Date): Promise<BlockReason[]> {
  const required = await tx.certificateType.findMany({
    where: { validityRequired: true, requiredFor: { some: { category: { suppliers: { some: { supplierId } } } } } },
    orderBy: [{ position: "asc" }, { code: "asc" }],
  });
  const reasons: BlockReason[] = [];
  for (const type of required) {
    const current = await tx.supplierDocument.findFirst({ where: { supplierId, typeId: type.id, status: "valid" }, orderBy: [{ validUntil: "desc" }, { createdAt: "desc" }] });
    if (current?.validUntil && daysLeft(current.validUntil, at) < 0) reasons.push({ typeCode: type.code, nameZh: type.nameZh, nameEn: type.nameEn, expiredOn: dayOf(current.validUntil) });
  }
  return reasons;
}

/**
 * Sets the supplier's blocked state from its documents, in the caller's transaction:
 * blocked while a mandatory document has expired (its orders are held: their
 * confirmation flow does not start, lib/erp/start-order-flow.ts), unblocked when none
 * has. Unblocking queues the start of every held order once (the start job links the
 * order to one flow); returns those jobs' keys for runJobNow after the commit.
 */
export async function refreshSupplierBlock(tx: Tx, actor: AuditActor, supplierId: string, at: Date): Promise<string[]> {
  await tx.$executeRaw`SELECT 1 FROM "Supplier" WHERE "id" = ${supplierId} FOR UPDATE`;
  const supplier = await tx.supplier.findUniqueOrThrow({ where: { id: supplierId }, select: { id: true, blockedAt: true, blockedReason: true } });
  const reasons = await expiredMandatory(tx, supplierId, at);
  if (reasons.length) {
    if (supplier.blockedAt && sameBlockReasons(supplier.blockedReason, reasons)) return [];
    await tx.supplier.update({ where: { id: supplierId }, data: { blockedAt: supplier.blockedAt ?? at, blockedReason: reasons } });
    await writeAudit(tx, actor, { action: "supplier.blocked", entity: "Supplier", entityId: supplierId, before: { blockedReason: supplier.blockedReason }, after: { blockedReason: reasons } });
    return [];
  }
  if (!supplier.blockedAt) return [];
  await tx.supplier.update({ where: { id: supplierId }, data: { blockedAt: null, blockedReason: [] } });
  await writeAudit(tx, actor, { action: "supplier.unblocked", entity: "Supplier", entityId: supplierId, before: { blockedReason: supplier.blockedReason }, after: { blockedReason: null } });
  const held = await tx.purchaseOrder.findMany({ where: { supplierId, status: "open", instanceId: null }, select: { id: true, revision: true } });
  const keys = [];
  for (const po of held) keys.push(await queueHeldOrderStart(tx, po.id, po.revision, supplier.blockedAt));
  return keys;
}
