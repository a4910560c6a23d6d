// `npm run bench:crm-import`: the customer import (issue 16) on PostgreSQL. A fresh database
// (migrated like production, the demo company seeded) first gets BENCH_EXISTING (1,000,000)
// existing customers, loaded as bench/crm-scale.ts loads its million (bench/customer-base.ts,
// name forms by the product's customerNameFields, each with a credit code) by a child
// process, so that this process (the server measured) starts lean, then VACUUM ANALYZE. The import file has BENCH_ROWS (100,000) customers, 2 % of them duplicates of
// existing ones (1 % the same credit code, 1 % the existing name written another way, same
// name key), written before the clock starts as a UTF-8 CSV and as an .xlsx (exceljs's
// streaming writer). Per BENCH_FORMAT (csv, xlsx or both) the file goes through the
// product's path: upload to the file store, headers read, the whole file previewed
// (validated, duplicates looked up and grouped), every duplicate group given the choice
// skip, then the import job run to the end, batch by batch. Between two formats the
// customers the first import created are deleted and the table vacuumed again. Rows/s
// and the peak RSS growth (sampled every 20 ms; this process is the server) for each
// preview and run, against baselines in the same run: the same rows inserted by multi-row
// INSERT ... SELECT FROM unnest(...) (5,000 a statement) into an empty copy of the
// Customer table with its indexes, and loaded by a plain COPY (server-side COPY FROM a
// CSV file written beforehand; no COPY client is installed) into another empty copy.
// The last line is one JSON object.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import type { EmployeeActor } from "../lib/auth/actor";
import { loadEmployeeActor } from "../lib/auth/load-actor";
import { customerImportTarget as target } from "../lib/crm/customer-import-target";
import { openDb } from "../lib/db/client";
import { seedDemo } from "../lib/demo/seed";
import { uploadFile } from "../lib/files/upload-file";
import { createImportRun } from "../lib/imports/import-run";
import { prepareImport } from "../lib/imports/prepare-import";
import { previewImport } from "../lib/imports/preview-import";
import { importJobKey, startImport } from "../lib/imports/start-import";
import { creditCodeCheck } from "../lib/names/credit-code";
import { installDomainModules } from "../lib/server/domain-modules";
import { runJobNow } from "../lib/workflow/jobs/run-job-now";
import { baseCreditCode, baseNameVariant, loadBaseCustomers } from "./customer-base";
import { benchDatabase, machine } from "./support.mjs";

installDomainModules();
process.env.LOG_LEVEL ??= "warn";
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const EXISTING = Number(process.env.BENCH_EXISTING ?? 1_000_000);
const FORMAT_SETS: Record<string, ("csv" | "xlsx")[]> = { csv: ["csv"], xlsx: ["xlsx"], both: ["csv", "xlsx"] };
const FORMATS = FORMAT_SETS[process.env.BENCH_FORMAT ?? "both"] ?? [];
if (!FORMATS.length) throw new Error("BENCH_FORMAT is csv, xlsx or both");
const BARE_BATCH = 5000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const load1m = () => round(os.loadavg()[0], 2);
const REGIONS = ["江苏苏州", "浙江宁波", "广东东莞", "上海", "山东青岛"];
const HEADERS = ["客户名称", "统一社会信用代码", "联系人", "联系电话", "地区", "客户级别"];

/** Import row i; rows 25 and 75 of every hundred duplicate an existing customer (credit code, name variant). */
function row(i: number) {
  const first = `9131000${String(i).padStart(10, "0")}`;
  const r = { name: `客户${i}号精密机械有限公司`, creditCode: first + creditCodeCheck(first), contactName: `联系人${i % 1000}`, phone: `0512-${String(6000_0000 + (i % 1e7)).slice(0, 8)}`, region: REGIONS[i % 5], level: "ABC"[i % 3] };
  // The d-th duplicate row points at a different existing customer while there are enough (7919 is prime).
  const of = (Math.floor(i / 50) * 7919) % Math.max(EXISTING, 1);
  if (EXISTING && i % 100 === 25) r.creditCode = baseCreditCode(of);
  if (EXISTING && i % 100 === 75) r.name = baseNameVariant(of);
  return r;
}
const cells = (r: ReturnType<typeof row>) => [r.name, r.creditCode, r.contactName, r.phone, r.region, r.level];
const duplicateRows = EXISTING ? Array.from({ length: ROWS }, (_, i) => i % 100).filter((m) => m === 25 || m === 75).length : 0;

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * Runs fn, sampling RSS every 20 ms: seconds, the peak growth in MB over the RSS just
 * before (after a full garbage collection: the npm script runs node with --expose-gc),
 * and that RSS; and what the phase left on the heap once collected again (retained).
 */
async function measure<T>(fn: () => Promise<T>) {
  gc();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const result = await fn();
    const seconds = (performance.now() - t0) / 1000;
    const top = Math.max(peak, process.memoryUsage().rss);
    gc();
    const retainedMb = (process.memoryUsage().heapUsed - before.heapUsed) / 2 ** 20;
    return { result, seconds, growthMb: (top - before.rss) / 2 ** 20, beforeMb: before.rss / 2 ** 20, peakMb: top / 2 ** 20, retainedMb };
  } finally {
    clearInterval(sample);
  }
}

const drained = (out: fs.WriteStream) => new Promise<void>((ok) => out.once("drain", () => ok()));

async function writeCsv(file: string) {
  const out = fs.createWriteStream(file);
  out.write(`\ufeff${HEADERS.join(",")}\r\n`);
  for (let i = 0; i < ROWS; i++) if (!out.write(`${cells(row(i)).join(",")}\r\n`)) await drained(out);
  await new Promise<void>((ok) => out.end(() => ok()));
}

async function writeXlsx(file: string) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = book.addWorksheet("客户");
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow(cells(row(i))).commit();
  sheet.commit();
  await book.commit();
}

type Db = Awaited<ReturnType<typeof openDb>>["db"];

/** One file through the product's path: upload, headers, preview, every group skipped, the job run to the end. */
async function importFile(db: Db, actor: EmployeeActor, file: string) {
  const loadBefore = load1m();
  const run = await createImportRun(db, actor, target);
  const stored = await uploadFile(db, actor, { ownerType: "ImportRun", ownerId: run.id, fileName: path.basename(file), body: fs.createReadStream(file) }, { maxBytes: 1024 * 2 ** 20 });
  const prepared = await prepareImport(db, actor, target, run.id, stored.id);
  const preview = await measure(() => previewImport(db, actor, target, run.id, prepared.mapping));
  const groups = preview.result.groups;
  console.error(`${prepared.format} preview: ${preview.result.total} rows, ${groups.length} duplicate groups in ${round(preview.seconds, 2)} s, RSS +${round(preview.growthMb)} MB`);
  await startImport(db, actor, target, run.id, Object.fromEntries(groups.map((g) => [String(g.id), "skip"])));
  const job = await measure(() => runJobNow(db, importJobKey(target, run.id), 30 * 60_000));
  const done = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
  console.error(`${prepared.format} import: ${done.created} created, ${done.skipped} skipped in ${round(job.seconds, 2)} s, RSS +${round(job.growthMb)} MB`);
  return {
    format: prepared.format,
    file_mb: round(fs.statSync(file).size / 2 ** 20, 2),
    loadavg_1m_before: loadBefore,
    loadavg_1m_after: load1m(),
    preview_s: round(preview.seconds, 2),
    preview_rows_per_s: Math.round(ROWS / preview.seconds),
    preview_rss_growth_mb: round(preview.growthMb),
    preview_rss_before_mb: round(preview.beforeMb),
    preview_rss_peak_mb: round(preview.peakMb),
    preview_heap_retained_mb: round(preview.retainedMb),
    duplicate_groups: groups.length,
    groups_with_existing: groups.filter((g) => g.existing).length,
    import_s: round(job.seconds, 2),
    import_rows_per_s: Math.round(ROWS / job.seconds),
    import_rss_growth_mb: round(job.growthMb),
    import_rss_before_mb: round(job.beforeMb),
    import_rss_peak_mb: round(job.peakMb),
    import_heap_retained_mb: round(job.retainedMb),
    preview_plus_import_rss_growth_mb: round(Math.max(preview.peakMb, job.peakMb) - preview.beforeMb),
    preview_plus_import_rows_per_s: Math.round(ROWS / (preview.seconds + job.seconds)),
    created: done.created,
    skipped: done.skipped,
    failed: done.failed,
    status: done.status,
    target_rows_per_s_met: ROWS / job.seconds >= 2000,
    target_rss_growth_met: Math.max(preview.peakMb, job.peakMb) - preview.beforeMb < 500,
  };
}

/** The same rows inserted by multi-row INSERT ... SELECT FROM unnest(...) into an empty copy of the table with its indexes. */
async function bareInsert(url: string, ownerId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bare_customer (LIKE "Customer" INCLUDING DEFAULTS INCLUDING INDEXES)`);
    return await measure(async () => {
      for (let from = 0; from < ROWS; from += BARE_BATCH) {
        const rows = Array.from({ length: Math.min(BARE_BATCH, ROWS - from) }, (_, k) => ({ i: from + k, ...row(from + k) }));
        await client.query(
          `INSERT INTO bare_customer ("id", "code", "name", "creditCode", "contactName", "contactPhone", "region", "level", "ownerId", "updatedAt")
           SELECT gen_random_uuid()::text, 'B' || lpad(i::text, 8, '0'), n, c, cn, p, r, l, $7, now() FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $8::text[]) AS t(i, n, c, cn, p, r, l)`,
          [rows.map((r) => r.i), rows.map((r) => r.name), rows.map((r) => r.creditCode), rows.map((r) => r.contactName), rows.map((r) => r.phone), rows.map((r) => r.region), ownerId, rows.map((r) => r.level)],
        );
      }
    });
  } finally {
    await client.end();
  }
}

/** The same rows by a plain COPY from the table's CSV, written before the clock starts in a directory the server (another OS user) may read. */
async function plainCopy(url: string, ownerId: string) {
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), "ff-bench-copy-"));
  fs.chmodSync(copyDir, 0o755);
  const copyPath = path.join(copyDir, "rows.csv");
  const out = fs.createWriteStream(copyPath, { mode: 0o644 });
  const stamp = new Date().toISOString();
  for (let i = 0; i < ROWS; i++) {
    const r = row(i);
    const line = [randomUUID(), `C${String(i).padStart(8, "0")}`, r.name, r.creditCode, r.contactName, r.phone, r.region, r.level, ownerId, stamp].join(",") + "\n";
    if (!out.write(line)) await drained(out);
  }
  await new Promise<void>((ok) => out.end(() => ok()));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE copy_customer (LIKE "Customer" INCLUDING DEFAULTS INCLUDING INDEXES)`);
    return await measure(() =>
      client.query(`COPY copy_customer ("id", "code", "name", "creditCode", "contactName", "contactPhone", "region", "level", "ownerId", "updatedAt") FROM '${copyPath}' WITH (FORMAT csv)`),
    );
  } finally {
    await client.end();
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
}

async function vacuum(db: Db) {
  for (const t of ["Customer", "CustomerContact", "CustomerAddress"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${t}"`);
}

async function main() {
  const loadavgStart = load1m();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ff-bench-import-"));
  process.env.FILE_STORAGE_DIR = path.join(tmp, "files");
  const files: Record<string, string> = {};
  const written: Record<string, number> = {};
  for (const format of FORMATS) {
    const t0 = performance.now();
    files[format] = path.join(tmp, `customers.${format}`);
    await (format === "csv" ? writeCsv : writeXlsx)(files[format]);
    written[`${format}_write_s`] = round((performance.now() - t0) / 1000, 2);
  }

  const { name, url, keep, close } = await benchDatabase("ff_bench_import");
  let result: Record<string, unknown> = {};
  try {
    const t0 = performance.now();
    loadInChild(url);
    const loadSeconds = round((performance.now() - t0) / 1000);
    const opened = await openDb({ mode: "postgresql", url });
    const db = opened.db;
    try {
      const existing = await db.customer.count();
      console.error(`${existing} customers loaded in ${loadSeconds} s`);
      const actor = (await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: "sunli" } })).id, db))!;

      const formats: Record<string, Awaited<ReturnType<typeof importFile>>> = {};
      for (const [k, format] of FORMATS.entries()) {
        if (k > 0) {
          // The next format meets the same customers: what the previous import created goes again.
          const removed = await db.$executeRawUnsafe(`DELETE FROM "Customer" WHERE code NOT LIKE 'BX%' AND "createdAt" >= (SELECT "startedAt" FROM "ImportRun" WHERE status = 'done' ORDER BY "startedAt" DESC LIMIT 1)`);
          await vacuum(db);
          console.error(`${removed} imported customers deleted before the ${format} import`);
        }
        formats[format] = await importFile(db, actor, files[format]);
      }

      const bare = await bareInsert(url, actor.id);
      console.error(`bare insert: ${ROWS} rows in ${round(bare.seconds, 2)} s`);
      const copy = await plainCopy(url, actor.id);
      console.error(`COPY: ${copy.result.rowCount} rows in ${round(copy.seconds, 2)} s`);

      result = {
        bench: "crm-import",
        date: new Date().toISOString(),
        machine: { ...machine(), loadavg_1m_start: loadavgStart, loadavg_1m: load1m() },
        rows: ROWS,
        existing_customers: existing,
        duplicate_rows: duplicateRows,
        load_existing_s: loadSeconds,
        ...written,
        formats: Object.fromEntries(
          Object.entries(formats).map(([f, r]) => [f, { ...r, import_vs_copy_ratio: round(r.import_s / copy.seconds, 2), import_vs_bare_ratio: round(r.import_s / bare.seconds, 2) }]),
        ),
        bare_insert_s: round(bare.seconds, 2),
        bare_insert_rows_per_s: Math.round(ROWS / bare.seconds),
        copy_s: round(copy.seconds, 2),
        copy_rows_per_s: Math.round(ROWS / copy.seconds),
        peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
        ...(keep ? { database: name } : {}),
      };
    } finally {
      await opened.close();
    }
  } finally {
    await close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // After the database is dropped: its pool's warning about the connection ended must not be the last line.
  console.log(JSON.stringify(result));
}

/**
 * The demo company and the existing customers loaded by a child process (this script
 * again, with BENCH_LOAD_URL): the load's own garbage and buffers stay out of this
 * process, which is the server whose RSS growth is measured.
 */
function loadInChild(url: string) {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]], { env: { ...process.env, BENCH_LOAD_URL: url }, stdio: "inherit" });
  if (child.status !== 0) throw new Error(`loading the existing customers failed (exit ${child.status})`);
}

async function loadOnly(url: string) {
  const opened = await openDb({ mode: "postgresql", url });
  try {
    await seedDemo(opened.db);
    await loadBaseCustomers(opened.db, EXISTING, { creditCodes: true });
    await vacuum(opened.db);
  } finally {
    await opened.close();
  }
}

if (process.env.BENCH_LOAD_URL) await loadOnly(process.env.BENCH_LOAD_URL);
else await main();
