import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "./clock";
import { TX_OPTIONS } from "./load-definition";
import { parseBpmn, type ModdleElement } from "./moddle";

type StateNode = { id?: string; status?: string; execution?: { children?: StateNode[]; processes?: StateNode[] }; definitions?: StateNode[] };

/** Element ids the engine state has a live token in (waiting tasks, armed timers, joins waiting for branches). */
export function activeElementIds(state: unknown): string[] {
  const out = new Set<string>();
  const walk = (n: StateNode | undefined, depth: number) => {
    if (!n || depth > 12) return;
    for (const c of n.execution?.children ?? []) {
      if (c.status && c.id) out.add(c.id);
      walk(c, depth + 1);
    }
  };
  for (const d of (state as StateNode | null)?.definitions ?? []) for (const p of d.execution?.processes ?? []) walk(p, 0);
  return [...out].sort();
}

type Node = ModdleElement & { flowElements?: Node[] };
async function elementIds(xml: string) {
  const ctx = await parseBpmn(xml);
  const ids = new Set<string>();
  const walk = (el: Node) => {
    for (const f of el.flowElements ?? []) {
      if (f.id) ids.add(f.id);
      walk(f);
    }
  };
  for (const r of (ctx.rootElement.rootElements ?? []) as Node[]) if (r.$type === "bpmn:Process") walk(r);
  return ids;
}

export type MigrationResult = { migrated: string[]; skipped: { id: string; missing: string[] }[] };

/**
 * Moves running instances of one version onto another version of the same
 * process. The engine state refers to element ids, so an instance moves only
 * when every element it has a live token in exists in the target version;
 * the others stay where they are and are reported. Each instance moves in its
 * own short transaction with the optimistic lock, history and an audit row.
 */
export async function migrateInstances(db: Db, who: EmployeeActor, input: { key: string; fromVersion: number; toVersion: number }): Promise<MigrationResult> {
  const actor = requirePermission(who, "process.operate");
  if (input.fromVersion === input.toVersion) throw new AppError("validation", { fieldErrors: { toVersion: "validation.invalid_value" } });
  const [from, to] = await Promise.all(
    [input.fromVersion, input.toVersion].map((version) => db.processDefinition.findUnique({ where: { key_version: { key: input.key, version } }, select: { id: true, version: true, xml: true, status: true } })),
  );
  if (!from || !to || to.status !== "published") throw new AppError("not_found");
  const target = await elementIds(to.xml);
  const candidates = await db.processInstance.findMany({ where: { definitionId: from.id, status: "running" }, select: { id: true, version: true, state: true } });
  const result: MigrationResult = { migrated: [], skipped: [] };
  for (const inst of candidates) {
    const missing = activeElementIds(inst.state).filter((id) => !target.has(id));
    if (missing.length) {
      result.skipped.push({ id: inst.id, missing });
      continue;
    }
    const moved = await db.$transaction(async (tx) => {
      const updated = await tx.processInstance.updateMany({ where: { id: inst.id, version: inst.version, definitionId: from.id, status: "running" }, data: { definitionId: to.id, version: { increment: 1 } } });
      if (updated.count !== 1) return false;
      await tx.instanceEvent.create({ data: { instanceId: inst.id, at: now(), type: "instance.migrated", actorId: actor.id, data: { key: input.key, fromVersion: from.version, toVersion: to.version } } });
      await writeAudit(tx, actor, { action: "process.instance.migrate", entity: "ProcessInstance", entityId: inst.id, before: { definitionId: from.id, version: from.version }, after: { definitionId: to.id, version: to.version } });
      return true;
    }, TX_OPTIONS);
    if (moved) result.migrated.push(inst.id);
    // A step that ran meanwhile: the instance stays, the operator may try again.
    else result.skipped.push({ id: inst.id, missing: [] });
  }
  return result;
}
