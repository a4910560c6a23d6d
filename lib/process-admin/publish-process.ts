import "server-only";
import { publishedFormKeys } from "../workflow/form-store";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { checkDefinition, publishDefinition, writeDefinition } from "../workflow/publish-definition";
import { diagramProblems } from "./lint-diagram";
import { hasErrors } from "./problems";
import { assertKeyFree } from "./save-draft";

/**
 * Publishes the editor's diagram as the next immutable version: refused, with
 * every problem and the element it sits on, while the product's publish rules
 * or bpmnlint's errors object. The diagram is parsed once and the permission
 * checked once, here; whether the key is free is decided inside the transaction
 * that writes the version, under a lock on the key, so two designers publishing a
 * new process under one key at the same moment cannot both take it. The pending
 * draft of that key goes away.
 */
export async function publishProcess(db: Db, who: EmployeeActor, input: { xml: string; editingKey: string | null }) {
  const actor = requirePermission(who, "process.design");
  const checked = await checkDefinition(input.xml, await publishedFormKeys(db));
  const problems = await diagramProblems(checked);
  const key = checked.key;
  if (!key || hasErrors(problems)) {
    throw new AppError("bpmn_invalid", { params: { count: problems.filter((p) => p.severity === "error").length }, details: problems });
  }
  // The new version, its audit row, the draft's deletion and that audit row commit together.
  const { definition, created } = await db.$transaction(async (tx) => {
    await assertKeyFree(tx, key, input.editingKey);
    const published = await writeDefinition(tx, actor, input.xml, checked, "editor");
    const { definition } = published;
    const draft = await tx.processDraft.findUnique({ where: { key: definition.key }, select: { key: true, updatedAt: true } });
    if (draft) {
      await tx.processDraft.delete({ where: { key: definition.key } });
      await writeAudit(tx, actor, { action: "process.draft.published", entity: "ProcessDraft", entityId: definition.key, before: draft, after: { version: definition.version } });
    }
    return published;
  });
  return { key: definition.key, version: definition.version, created, warnings: problems };
}

/** Republishes an old version's XML as a new version; instances keep the versions they started on. */
export async function rollbackToVersion(db: Db, who: EmployeeActor, key: string, version: number) {
  const actor = requirePermission(who, "process.design");
  const old = await db.processDefinition.findUnique({ where: { key_version: { key, version } }, select: { id: true, xml: true, status: true } });
  if (!old || old.status !== "published") throw new AppError("not_found");
  // The republished version and the rollback audit row commit together.
  const { definition, created } = await db.$transaction(async (tx) => {
    const published = await publishDefinition(db, actor, old.xml, "editor", tx);
    const { definition } = published;
    if (published.created) {
      await writeAudit(tx, actor, { action: "process.rollback", entity: "ProcessDefinition", entityId: definition.id, before: { key, version }, after: { key, version: definition.version, from: old.id } });
    }
    return published;
  });
  return { key, version: definition.version, created };
}
