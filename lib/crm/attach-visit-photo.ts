import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { CUSTOMER_LOG_FILE_OWNER } from "./customer-log-file-access";
import { visibleCustomer } from "./customer-scope";

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The photo taken at a visit (CRM-10) becomes the log's picture: the file was uploaded
 * through the file store as an attachment of that log (POST /api/files, ownerType
 * CustomerLog), by the employee who logged it; it must be an image. Audited.
 */
export async function attachVisitPhoto(db: Db, who: Actor | null, logId: string, fileId: string) {
  const actor = requirePermission(who, "crm.view");
  if (!UUID.test(logId) || !UUID.test(fileId)) throw new AppError("not_found");
  return db.$transaction(async (tx) => {
    const log = await tx.customerLog.findUnique({ where: { id: logId }, select: { id: true, customerId: true, byId: true } });
    if (!log || log.byId !== actor.id) throw new AppError("not_found");
    await visibleCustomer(tx, actor, log.customerId, { id: true });
    const file = await tx.storedFile.findFirst({ where: { id: fileId, ownerType: CUSTOMER_LOG_FILE_OWNER, ownerId: log.id }, select: { id: true, contentType: true } });
    if (!file) throw new AppError("not_found");
    if (!file.contentType.startsWith("image/")) throw new AppError("file_type_not_allowed");
    await tx.customerLog.update({ where: { id: log.id }, data: { photoFileId: file.id } });
    await writeAudit(tx, actor, { action: "customer.visit_photo", entity: "Customer", entityId: log.customerId, after: { logId: log.id, fileId: file.id } });
    return { id: log.id, customerId: log.customerId };
  });
}
