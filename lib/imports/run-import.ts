import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import type { ColumnMapping } from "./guess-mapping";
import type { CheckedRow, ImportGroup, ImportTarget, RawRow, RowProblem, ValidRow, WriteOp } from "./import-target";
import { mappedRows } from "./import-run";

const DEFAULT_BATCH = 500;
const TX = { timeout: 120_000, maxWait: 15_000 } as const;

/** This worker no longer holds the job (its lease ran out and another took it over): stop without touching anything. */
class LostJob extends Error {}

type Outcome = { rowNumber: number; outcome: "created" | "updated" | "skipped" | "failed"; problems?: RowProblem[]; raw?: Record<string, string>; recordId?: string };
type Run = { id: string; fileId: string | null; cursor: number; mapping: unknown; groups: unknown };

/** What happens to each row of a batch, from its check, its group's decision and the existing records it matches. */
function decide<V>(checked: CheckedRow<V>[], groupOf: Map<number, ImportGroup>, found: Map<string, { code: string; name: string; id: string }>, ns: string) {
  const ops: WriteOp<V>[] = [];
  const outcomes: Outcome[] = [];
  const skip = (c: CheckedRow<V>, problem: RowProblem) => outcomes.push({ rowNumber: c.rowNumber, outcome: "skipped", problems: [problem], raw: c.raw });
  for (const c of checked) {
    if (!c.value) {
      outcomes.push({ rowNumber: c.rowNumber, outcome: "failed", problems: c.problems, raw: c.raw });
      continue;
    }
    const row = c as ValidRow<V>;
    const g = groupOf.get(c.rowNumber);
    const existing = g ? g.existing : (c.keys.map((k) => found.get(k)).find(Boolean) ?? null);
    const decision = g?.decision ?? "skip";
    if (existing) {
      if (decision === "skip") skip(c, { key: `${ns}.reasons.duplicateExisting`, params: { code: existing.code, name: existing.name } });
      else ops.push(decision === "update" ? { row, action: "update", id: existing.id } : { row, action: "create" });
    } else if (!g || c.rowNumber === g.id || decision === "create") ops.push({ row, action: "create" });
    else if (decision === "skip") skip(c, { key: `${ns}.reasons.duplicateInFile`, params: { row: g.id } });
    else ops.push({ row, action: "update", ofRow: g.id });
  }
  return { ops, outcomes };
}

async function commitBatch<V>(db: Db, job: ClaimedJob, run: Run, actor: EmployeeActor, target: ImportTarget<V>, rows: RawRow[], groupOf: Map<number, ImportGroup>) {
  const checked = await target.check(db, actor, rows);
  const found = await target.findExisting(db, checked.filter((c) => c.value).flatMap((c) => c.keys));
  const { ops, outcomes } = decide(checked, groupOf, found, target.messages ?? "crmImport");
  // A group's first row committed in an earlier batch: update the record it made (or create, if it made none).
  const first = rows[0].rowNumber;
  const earlier = ops.flatMap((o) => (o.action === "update" && o.ofRow !== undefined && o.ofRow < first ? [o.ofRow] : []));
  const made = earlier.length ? await db.importRow.findMany({ where: { runId: run.id, rowNumber: { in: earlier } }, select: { rowNumber: true, recordId: true } }) : [];
  const recordOf = new Map(made.map((m) => [m.rowNumber, m.recordId]));
  const resolved = ops.map((o): WriteOp<V> => (o.action === "update" && o.ofRow !== undefined && o.ofRow < first ? (recordOf.get(o.ofRow) ? { row: o.row, action: "update", id: recordOf.get(o.ofRow)! } : { row: o.row, action: "create" }) : o));
  const last = rows[rows.length - 1].rowNumber;

  await db.$transaction(async (tx) => {
    const lease = Number(process.env.JOB_LEASE_MS ?? 30_000);
    const held = await tx.job.updateMany({ where: { id: job.id, lockedBy: job.lockedBy, status: "running" }, data: { lockedUntil: new Date(now().getTime() + lease) } });
    if (!held.count) throw new LostJob();
    const rawOf = new Map(checked.map((c) => [c.rowNumber, c.raw]));
    for (const r of await target.write(tx, actor, resolved, { runId: run.id })) {
      const raw = rawOf.get(r.rowNumber);
      outcomes.push({ rowNumber: r.rowNumber, outcome: r.outcome, recordId: r.recordId, ...(r.problem ? { problems: [r.problem], raw } : {}) });
    }
    const count = (o: Outcome["outcome"]) => outcomes.filter((x) => x.outcome === o).length;
    // The cursor moves only from where this batch started: a second worker's batch cannot commit twice.
    const moved = await tx.importRun.updateMany({
      where: { id: run.id, cursor: run.cursor },
      data: { cursor: last, done: { increment: rows.length }, created: { increment: count("created") }, updated: { increment: count("updated") }, skipped: { increment: count("skipped") }, failed: { increment: count("failed") } },
    });
    if (!moved.count) throw new LostJob();
    // One JSON parameter for the batch's outcomes (as the target's own inserts: createMany binds every value).
    const data = outcomes.map((o) => ({ rowNumber: o.rowNumber, outcome: o.outcome, reason: o.problems?.[0]?.key ?? null, recordId: o.recordId ?? null, params: o.problems ?? null, values: o.problems ? o.raw : null }));
    await tx.$executeRaw`
      INSERT INTO "ImportRow" ("runId", "rowNumber", "outcome", "reason", "recordId", "params", "values")
      SELECT ${run.id}, x."rowNumber", x."outcome", x."reason", x."recordId", x."params", x."values"
      FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS x("rowNumber" int, "outcome" text, "reason" text, "recordId" text, "params" jsonb, "values" jsonb)`;
  }, TX);
  run.cursor = last;
}

/**
 * Job <target>Import: the run's file read from the row after the last committed batch,
 * each batch checked, matched and written with its rows' outcomes, its counts and the
 * cursor in one transaction (which also renews the job's lease), so a restart resumes
 * without repeating a row. `maxBatches` stops early (tests: a crash after a batch).
 */
export async function runImportJob<V>(db: Db, job: ClaimedJob, target: ImportTarget<V>, opts: { maxBatches?: number } = {}) {
  const runId = String(job.payload.runId ?? "");
  const run = await db.importRun.findUnique({ where: { id: runId }, select: { id: true, status: true, fileId: true, cursor: true, mapping: true, groups: true, createdById: true } });
  if (!run || run.status === "done" || run.status === "failed") return;
  try {
    const actor = await loadEmployeeActor(run.createdById, db);
    if (!actor) throw new Error("the importing employee is no longer active");
    if (run.status === "queued") await db.importRun.update({ where: { id: run.id }, data: { status: "running" } });
    const groupOf = new Map<number, ImportGroup>();
    for (const g of run.groups as ImportGroup[]) for (const r of g.rows) groupOf.set(r, g);
    const size = Math.max(1, Number(job.payload.batchSize ?? DEFAULT_BATCH));
    let batch: RawRow[] = [];
    let batches = 0;
    for await (const row of mappedRows(db, run, run.mapping as ColumnMapping, run.cursor)) {
      batch.push(row);
      if (batch.length < size) continue;
      await commitBatch(db, job, run, actor, target, batch, groupOf);
      batch = [];
      if (opts.maxBatches && ++batches >= opts.maxBatches) return;
    }
    if (batch.length) await commitBatch(db, job, run, actor, target, batch, groupOf);
    await db.importRun.updateMany({ where: { id: run.id, status: "running" }, data: { status: "done", finishedAt: now() } });
  } catch (e) {
    if (e instanceof LostJob) return;
    if (job.attempts >= job.maxAttempts) await db.importRun.update({ where: { id: run.id }, data: { status: "failed", error: (e instanceof Error ? e.message : String(e)).slice(0, 500), finishedAt: now() } });
    throw e;
  }
}
