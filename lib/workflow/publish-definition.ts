import "server-only";
import { createHash } from "node:crypto";
import type { EmployeeActor, SystemActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { serializeContext } from "./engine-host";
import { lintDefinition, type LintProblem } from "./lint";
import { parseBpmn, type ModdleElement } from "./moddle";

export type CheckResult = { key: string | null; name: string | null; problems: LintProblem[] };

/** Parses and lints a diagram without storing anything; malformed XML is a problem, not a crash. */
export async function checkDefinition(xml: string): Promise<CheckResult & { moddle?: Awaited<ReturnType<typeof parseBpmn>> }> {
  let moddle;
  try {
    moddle = await parseBpmn(xml);
  } catch (e) {
    return { key: null, name: null, problems: [{ code: "bpmn_malformed", params: { message: String((e as Error).message).slice(0, 200) } }] };
  }
  const proc = (moddle.rootElement?.rootElements ?? []).find((r: ModdleElement & { isExecutable?: boolean }) => r.$type === "bpmn:Process" && r.isExecutable);
  return { key: proc?.id ?? null, name: proc?.name ?? proc?.id ?? null, problems: lintDefinition(moddle), moddle };
}

/**
 * Publishes a new immutable version of a process. Refused with the lint problems
 * when the diagram is not safe to run; an unchanged diagram is not republished.
 * With `tx` the version and its audit row are written in the caller's
 * transaction (so the caller's own rows commit or roll back with them);
 * otherwise in a transaction of their own.
 */
export async function publishDefinition(db: Db, actor: EmployeeActor | SystemActor, xml: string, source: "editor" | "shipped" = "editor", tx?: Tx) {
  if (actor.realm === "employee") requirePermission(actor, "process.design");
  const checked = await checkDefinition(xml);
  if (checked.problems.length || !checked.moddle || !checked.key) {
    throw new AppError("bpmn_invalid", { details: checked.problems, params: { count: checked.problems.length } });
  }
  const key = checked.key;
  const sha256 = createHash("sha256").update(xml).digest("hex");
  const context = serializeContext(checked.moddle);
  const write = async (tx: Tx) => {
    const latest = await tx.processDefinition.findFirst({ where: { key, status: "published" }, orderBy: { version: "desc" } });
    if (latest?.sha256 === sha256) return { definition: latest, created: false };
    // A shipped file that was published before stays superseded by later editor versions.
    const shippedBefore = source === "shipped" ? await tx.processDefinition.findFirst({ where: { key, source, sha256 } }) : null;
    if (shippedBefore) return { definition: shippedBefore, created: false };
    const definition = await tx.processDefinition.create({
      data: {
        key,
        version: (latest?.version ?? 0) + 1,
        name: checked.name ?? key,
        xml,
        context: context as object,
        sha256,
        status: "published",
        source,
        publishedAt: new Date(),
        publishedBy: actor.id,
      },
    });
    await writeAudit(tx, actor, { action: "process.publish", entity: "ProcessDefinition", entityId: definition.id, after: { key, version: definition.version, source, sha256 } });
    return { definition, created: true };
  };
  return tx ? write(tx) : db.$transaction(write);
}
