import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { processKeyOf } from "./process-key";

/**
 * A diagram may take a key (its process id) only if that key is its own: the
 * process it was opened for, or one nobody uses yet. Decided inside the writing
 * transaction under a lock on the key, so two designers cannot both take it.
 */
export async function assertKeyFree(tx: Tx, key: string, editingKey: string | null) {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`process-key:${key}`}))) AS l`;
  if (key === editingKey) return;
  const [published, draft] = await Promise.all([tx.processDefinition.count({ where: { key } }), tx.processDraft.count({ where: { key } })]);
  if (published || draft) throw new AppError("duplicate", { fieldErrors: { key: "processes.editor.keyTaken" }, params: { key } });
}

/** Stores the editor's working copy; publishing is separate. The draft may still have problems. */
export async function saveDraft(db: Db, who: EmployeeActor, input: { xml: string; editingKey: string | null }) {
  const actor = requirePermission(who, "process.design");
  const { key, name } = await processKeyOf(input.xml);
  return db.$transaction(async (tx) => {
    await assertKeyFree(tx, key, input.editingKey);
    const before = await tx.processDraft.findUnique({ where: { key }, select: { updatedAt: true, basedOnVersion: true } });
    const latest = await tx.processDefinition.findFirst({ where: { key, status: "published" }, orderBy: { version: "desc" }, select: { version: true } });
    const draft = await tx.processDraft.upsert({
      where: { key },
      create: { key, name, xml: input.xml, basedOnVersion: latest?.version ?? null, updatedBy: actor.id },
      update: { name, xml: input.xml, updatedBy: actor.id },
    });
    await writeAudit(tx, actor, { action: before ? "process.draft.update" : "process.draft.create", entity: "ProcessDraft", entityId: key, before, after: { key, name, basedOnVersion: draft.basedOnVersion, size: input.xml.length } });
    return { key, updatedAt: draft.updatedAt };
  });
}

export async function discardDraft(db: Db, who: EmployeeActor, key: string) {
  const actor = requirePermission(who, "process.design");
  return db.$transaction(async (tx) => {
    const draft = await tx.processDraft.findUnique({ where: { key }, select: { key: true, name: true, updatedAt: true } });
    if (!draft) throw new AppError("not_found");
    await tx.processDraft.delete({ where: { key } });
    await writeAudit(tx, actor, { action: "process.draft.discard", entity: "ProcessDraft", entityId: key, before: draft });
    return { key };
  });
}
