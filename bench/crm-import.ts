// `npm run bench:crm-import`: the customer import (issue 16) on PostgreSQL. A fresh database
// (migrated like production, the demo company seeded) gets a generated UTF-8 CSV of
// BENCH_ROWS (100,000) customers through the product's path: upload to the file store,
// headers read, the whole file previewed (validated, duplicates grouped), then the
// import job run to the end, batch by batch. Rows/s and the peak RSS growth (sampled
// every 20 ms) for the preview and the run, against a bare baseline in the same run: the
// same rows inserted by multi-row INSERT ... SELECT FROM unnest(...) (5,000 a statement)
// into a copy of the Customer table with its indexes, and the same rows loaded by a plain
// COPY (server-side COPY FROM a CSV file written beforehand; no COPY client is installed)
// into another copy. The last line is one JSON object.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
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
import { benchDatabase, machine } from "./support.mjs";

installDomainModules();
process.env.LOG_LEVEL ??= "warn";
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BARE_BATCH = 5000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const REGIONS = ["江苏苏州", "浙江宁波", "广东东莞", "上海", "山东青岛"];

function row(i: number) {
  const first = `9131000${String(i).padStart(10, "0")}`;
  return { name: `客户${i}号精密机械有限公司`, creditCode: first + creditCodeCheck(first), contactName: `联系人${i % 1000}`, phone: `0512-${String(6000_0000 + (i % 1e7)).slice(0, 8)}`, region: REGIONS[i % 5], level: "ABC"[i % 3] };
}

/** Runs fn, sampling RSS every 20 ms: seconds and the peak growth in MB over the RSS just before. */
async function measure<T>(fn: () => Promise<T>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const result = await fn();
    return { result, seconds: (performance.now() - t0) / 1000, growthMb: (Math.max(peak, process.memoryUsage().rss) - before) / 2 ** 20 };
  } finally {
    clearInterval(sample);
  }
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ff-bench-import-"));
  process.env.FILE_STORAGE_DIR = path.join(tmp, "files");
  const csvPath = path.join(tmp, "customers.csv");
  const out = fs.createWriteStream(csvPath);
  out.write("\ufeff客户名称,统一社会信用代码,联系人,联系电话,地区,客户级别\r\n");
  for (let i = 0; i < ROWS; i++) {
    const r = row(i);
    if (!out.write(`${r.name},${r.creditCode},${r.contactName},${r.phone},${r.region},${r.level}\r\n`)) await new Promise<void>((ok) => out.once("drain", () => ok()));
  }
  await new Promise<void>((ok) => out.end(() => ok()));
  const fileMb = fs.statSync(csvPath).size / 2 ** 20;

  const { name, url, keep, close } = await benchDatabase("ff_bench_import");
  try {
    const opened = await openDb({ mode: "postgresql", url });
    const db = opened.db;
    try {
      await seedDemo(db);
      const actor = (await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: "sunli" } })).id, db))!;
      const run = await createImportRun(db, actor, target);
      const file = await uploadFile(db, actor, { ownerType: "ImportRun", ownerId: run.id, fileName: "customers.csv", body: fs.createReadStream(csvPath) }, { maxBytes: 1024 * 2 ** 20 });
      const prepared = await prepareImport(db, actor, target, run.id, file.id);
      const preview = await measure(() => previewImport(db, actor, target, run.id, prepared.mapping));
      console.error(`preview: ${preview.result.total} rows in ${round(preview.seconds, 2)} s, RSS +${round(preview.growthMb)} MB`);
      await startImport(db, actor, target, run.id, {});
      const job = await measure(() => runJobNow(db, importJobKey(target, run.id), 10 * 60_000));
      const done = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
      console.error(`import: ${done.created} created in ${round(job.seconds, 2)} s, RSS +${round(job.growthMb)} MB`);

      // The bare baseline: the same rows, straight into a copy of the table with its indexes.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      let bare;
      try {
        await client.query(`CREATE TABLE bare_customer (LIKE "Customer" INCLUDING DEFAULTS INCLUDING INDEXES)`);
        bare = await measure(async () => {
          for (let from = 0; from < ROWS; from += BARE_BATCH) {
            const rows = Array.from({ length: Math.min(BARE_BATCH, ROWS - from) }, (_, k) => ({ i: from + k, ...row(from + k) }));
            await client.query(
              `INSERT INTO bare_customer ("id", "code", "name", "creditCode", "contactName", "contactPhone", "region", "level", "ownerId", "updatedAt")
               SELECT gen_random_uuid()::text, 'B' || lpad(i::text, 8, '0'), n, c, cn, p, r, l, $7, now() FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $8::text[]) AS t(i, n, c, cn, p, r, l)`,
              [rows.map((r) => r.i), rows.map((r) => r.name), rows.map((r) => r.creditCode), rows.map((r) => r.contactName), rows.map((r) => r.phone), rows.map((r) => r.region), actor.id, rows.map((r) => r.level)],
            );
          }
        });
      } finally {
        await client.end();
      }
      console.error(`bare insert: ${ROWS} rows in ${round(bare.seconds, 2)} s`);

      // The COPY baseline: the rows as the table's CSV, written before the clock starts, in a
      // directory the server (another OS user) may read.
      const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), "ff-bench-copy-"));
      fs.chmodSync(copyDir, 0o755);
      const copyPath = path.join(copyDir, "rows.csv");
      const copyOut = fs.createWriteStream(copyPath, { mode: 0o644 });
      const stamp = new Date().toISOString();
      for (let i = 0; i < ROWS; i++) {
        const r = row(i);
        const line = [randomUUID(), `C${String(i).padStart(8, "0")}`, r.name, r.creditCode, r.contactName, r.phone, r.region, r.level, actor.id, stamp].join(",") + "\n";
        if (!copyOut.write(line)) await new Promise<void>((ok) => copyOut.once("drain", () => ok()));
      }
      await new Promise<void>((ok) => copyOut.end(() => ok()));
      const copyClient = new pg.Client({ connectionString: url });
      await copyClient.connect();
      let copy;
      try {
        await copyClient.query(`CREATE TABLE copy_customer (LIKE "Customer" INCLUDING DEFAULTS INCLUDING INDEXES)`);
        copy = await measure(() =>
          copyClient.query(`COPY copy_customer ("id", "code", "name", "creditCode", "contactName", "contactPhone", "region", "level", "ownerId", "updatedAt") FROM '${copyPath}' WITH (FORMAT csv)`),
        );
      } finally {
        await copyClient.end();
        fs.rmSync(copyDir, { recursive: true, force: true });
      }
      console.error(`COPY: ${copy.result.rowCount} rows in ${round(copy.seconds, 2)} s`);

      const result = {
        bench: "crm-import",
        date: new Date().toISOString(),
        machine: { ...machine(), loadavg_1m: round(os.loadavg()[0], 2) },
        rows: ROWS,
        file_mb: round(fileMb, 2),
        preview_s: round(preview.seconds, 2),
        preview_rows_per_s: Math.round(ROWS / preview.seconds),
        preview_rss_growth_mb: round(preview.growthMb),
        import_s: round(job.seconds, 2),
        import_rows_per_s: Math.round(ROWS / job.seconds),
        import_rss_growth_mb: round(job.growthMb),
        created: done.created,
        failed: done.failed,
        status: done.status,
        bare_insert_s: round(bare.seconds, 2),
        bare_insert_rows_per_s: Math.round(ROWS / bare.seconds),
        import_vs_bare_ratio: round(job.seconds / bare.seconds, 2),
        copy_s: round(copy.seconds, 2),
        copy_rows_per_s: Math.round(ROWS / copy.seconds),
        import_vs_copy_ratio: round(job.seconds / copy.seconds, 2),
        peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
        ...(keep ? { database: name } : {}),
      };
      console.log(JSON.stringify(result));
    } finally {
      await opened.close();
    }
  } finally {
    await close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
