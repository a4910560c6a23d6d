import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { ownerAccessFor } from "../files/owner-access";

const INSTANCE_OWNER_TYPE = "ProcessInstance";

/**
 * One attachment. `ownerType` says where it is kept: on the process instance
 * (uploaded in the flow) or on a record (a supplier's proof documents), so that
 * lists show them apart and nobody mistakes whose it is.
 */
export type InstanceFile = { id: string; name: string; contentType: string; size: number; createdAt: Date; ownerType?: string };

const FILE_FIELDS = { id: true, name: true, contentType: true, size: true, createdAt: true } as const;

/**
 * The attachments of a process instance, for whoever may read them (see
 * lib/files/process-instance-access.ts), followed by the files of the
 * instance's business record (instance.recordType/recordId, e.g. the supplier a
 * review is about) when the record's own owner rules let the actor read them:
 * a supplier's documents reach a portal user of that supplier only.
 */
export async function listInstanceFiles(db: Db, actor: Actor, instanceId: string): Promise<{ files: InstanceFile[]; canUpload: boolean }> {
  const access = ownerAccessFor(INSTANCE_OWNER_TYPE);
  if (!access || !(await access.canRead(actor, instanceId, db))) throw new AppError("not_found");
  const instance = await db.processInstance.findUnique({ where: { id: instanceId }, select: { recordType: true, recordId: true } });
  const record = instance?.recordType && instance.recordId ? { type: instance.recordType, id: instance.recordId, access: ownerAccessFor(instance.recordType) } : null;
  const [files, canUpload, recordReadable] = await Promise.all([
    db.storedFile.findMany({ where: { ownerType: INSTANCE_OWNER_TYPE, ownerId: instanceId }, orderBy: { createdAt: "asc" }, take: 200, select: FILE_FIELDS }),
    access.canWrite(actor, instanceId, db),
    record?.access ? record.access.canRead(actor, record.id, db) : false,
  ]);
  const recordFiles = record && recordReadable
    ? await db.storedFile.findMany({ where: { ownerType: record.type, ownerId: record.id }, orderBy: { createdAt: "asc" }, take: 200, select: { ...FILE_FIELDS, ownerType: true } })
    : [];
  return { files: [...files.map((f) => ({ ...f, ownerType: INSTANCE_OWNER_TYPE })), ...recordFiles], canUpload };
}
