import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { now } from "../workflow/clock";
import { headerSetKey } from "./guess-mapping";
import { DUPLICATE_DECISIONS } from "./import-view";
import type { ImportGroup, TargetInfo } from "./import-target";
import { ownImportRun } from "./import-run";

const decisionsInput = z.record(z.string().regex(/^\d{1,9}$/), z.enum(DUPLICATE_DECISIONS));

/** The job key of a run: one job per import, however often start is pressed. */
export const importJobKey = (target: TargetInfo, runId: string) => `${target.jobKind}:${runId}`;

/**
 * The previewed import starts: the user's decision per duplicate group (skip when not
 * given) is stored, the mapping remembered for this header set, and the durable job made
 * in the same transaction as the status change; a second start is a conflict.
 */
export async function startImport(db: Db, who: Actor | null, target: TargetInfo, runId: string, rawDecisions: unknown, opts: { batchSize?: number } = {}) {
  const { actor, run } = await ownImportRun(db, who, target, runId);
  const decisions = parseInput(decisionsInput, rawDecisions ?? {});
  if (run.status !== "draft" || !run.total) throw new AppError("conflict");
  const groups = (run.groups as ImportGroup[]).map((g) => ({ ...g, decision: decisions[String(g.id)] ?? "skip" }));
  await db.$transaction(async (tx) => {
    const moved = await tx.importRun.updateMany({ where: { id: run.id, status: "draft" }, data: { status: "queued", groups, startedAt: now() } });
    if (!moved.count) throw new AppError("conflict");
    const headerKey = headerSetKey(run.headers);
    const mapping = run.mapping as Prisma.InputJsonValue;
    await tx.importMapping.upsert({
      where: { employeeId_target_headerKey: { employeeId: actor.id, target: target.name, headerKey } },
      create: { employeeId: actor.id, target: target.name, headerKey, mapping },
      update: { mapping },
    });
    await tx.job.create({ data: { kind: target.jobKind, idempotencyKey: importJobKey(target, run.id), payload: { runId: run.id, ...(opts.batchSize ? { batchSize: opts.batchSize } : {}) }, runAt: now() } });
    const counts = Object.fromEntries(DUPLICATE_DECISIONS.map((d) => [d, groups.filter((g) => g.decision === d).length]));
    await writeAudit(tx, actor, { action: "import.start", entity: "ImportRun", entityId: run.id, after: { fileName: run.fileName, total: run.total, mapping: run.mapping, decisions: counts } });
  });
  return { id: run.id };
}
