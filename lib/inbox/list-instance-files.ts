import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { ownerAccessFor } from "../files/owner-access";

const INSTANCE_OWNER_TYPE = "ProcessInstance";

export type InstanceFile = { id: string; name: string; contentType: string; size: number; createdAt: Date };

/** The attachments of a process instance, for whoever may read them (see lib/files/process-instance-access.ts). */
export async function listInstanceFiles(db: Db, actor: Actor, instanceId: string): Promise<{ files: InstanceFile[]; canUpload: boolean }> {
  const access = ownerAccessFor(INSTANCE_OWNER_TYPE);
  if (!access || !(await access.canRead(actor, instanceId, db))) throw new AppError("not_found");
  const [files, canUpload] = await Promise.all([
    db.storedFile.findMany({
      where: { ownerType: INSTANCE_OWNER_TYPE, ownerId: instanceId },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: { id: true, name: true, contentType: true, size: true, createdAt: true },
    }),
    access.canWrite(actor, instanceId, db),
  ]);
  return { files, canUpload };
}
