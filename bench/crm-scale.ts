// `npm run bench:crm-scale`: the customer base at scale (issue 16, "Measure") on PostgreSQL.
// A fresh database (migrated like production, the demo company seeded) gets BENCH_CUSTOMERS
// (1,000,000) customers, their name forms made by the product's own function
// (lib/names/customer-name-fields.ts), loaded 10,000 a statement (bench/customer-base.ts, shared
// with bench/crm-import.ts), and BENCH_LOGS (10) contact logs each (10,000,000) made in SQL; one
// rep (sunli) owns 2,000 of them. Then, after 20 untimed rounds, BENCH_CALLS (200) timed ones,
// interleaved with a bare baseline:
// - the duplicate check while typing (findCustomerDuplicates with a variant of an existing
//   customer's name) against the bare pg_trgm statement on the same key
//   (`"nameKey" % $1 ORDER BY similarity DESC LIMIT 20`, the check's candidate search);
// - my customers' first page (listCustomers, view mine) against the bare count and page
//   with the same WHERE and ORDER BY.
// The last line is one JSON object.
import os from "node:os";
import { loadEmployeeActor } from "../lib/auth/load-actor";
import { parseCustomerListQuery } from "../lib/crm/customer-lists.schema";
import { findCustomerDuplicates } from "../lib/crm/find-customer-duplicates";
import { listCustomers } from "../lib/crm/list-customers";
import { openDb } from "../lib/db/client";
import { seedDemo } from "../lib/demo/seed";
import { parseCompanyName } from "../lib/names/company-name";
import { installDomainModules } from "../lib/server/domain-modules";
import { baseCustomer as customer, loadBaseCustomers } from "./customer-base";
import { benchDatabase, machine, timeInterleaved } from "./support.mjs";

installDomainModules();
process.env.LOG_LEVEL ??= "warn";
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const LOGS = Number(process.env.BENCH_LOGS ?? 10);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const MINE = 2000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function load(db: Awaited<ReturnType<typeof openDb>>["db"]) {
  await loadBaseCustomers(db, CUSTOMERS, { mine: MINE });
  await db.$executeRawUnsafe(`INSERT INTO "CustomerLog" (id, "customerId", kind, note, at, "byId")
    SELECT gen_random_uuid()::text, c.id, (ARRAY['visit','call','meeting','email'])[1 + n % 4]::"CustomerLogKind", '电话沟通，客户询问新品报价', c."lastContactAt" - n * interval '3 days', c."ownerId"
    FROM "Customer" c, generate_series(1, ${LOGS}) n WHERE c.code LIKE 'BX%'`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Customer"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "CustomerLog"`);
}

async function main() {
  const { url, fresh, close } = await benchDatabase("ff_bench_crm");
  try {
    const opened = await openDb({ mode: "postgresql", url });
    const db = opened.db;
    try {
      let loadSeconds = 0;
      if (fresh) {
        const t0 = Date.now();
        await seedDemo(db);
        await load(db);
        loadSeconds = round((Date.now() - t0) / 1000);
      }
      const [counts] = await db.$queryRawUnsafe<{ customers: number; logs: number }[]>(`SELECT (SELECT count(*)::int FROM "Customer") AS customers, (SELECT count(*)::int FROM "CustomerLog") AS logs`);
      const sunli = await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: "sunli" } })).id, db);
      if (!sunli) throw new Error("bench: sunli is inactive");
      // What a rep types: an existing customer's name written another way (no region, short legal form, brackets).
      const probes = [12345, 250_000, 777_777, 999_001].map((i) => customer(i % CUSTOMERS)).map((c) => `${c.nameBrand}${c.name.includes("模具") ? "模具" : ""}（${c.name.slice(0, 2)}）有限公司`);
      let p = 0;
      const keyOf = probes.map((n) => parseCompanyName(n).key);
      const mine = parseCustomerListQuery({ view: "mine" });
      const found = await findCustomerDuplicates(db, sunli, { name: probes[0] });
      const page = await listCustomers(db, sunli, mine);
      console.error(`customers ${counts.customers}, logs ${counts.logs}; probe "${probes[0]}" -> ${found.length} matches (${found[0]?.name ?? "none"}); my customers ${page.total}`);
      const cases = {
        dup: () => findCustomerDuplicates(db, sunli, { name: probes[p++ % probes.length] }),
        dup_sql: () => db.$queryRaw`SELECT id FROM "Customer" WHERE "mergedIntoId" IS NULL AND "nameKey" % ${keyOf[p % keyOf.length]} ORDER BY similarity("nameKey", ${keyOf[p % keyOf.length]}) DESC LIMIT 20`,
        mine: () => listCustomers(db, sunli, mine),
        mine_sql: async () => [
          await db.$queryRaw`SELECT count(*)::int FROM "Customer" WHERE "mergedIntoId" IS NULL AND "ownerId" = ${sunli.id}`,
          await db.$queryRaw`SELECT c.id, c.code, c.name, c.level, c.tags, c.industry, c.region, c.stage, c."contactName", c."contactPhone", c."lastContactAt", c."createdAt", e.name AS owner
            FROM "Customer" c LEFT JOIN "Employee" e ON e.id = c."ownerId" WHERE c."mergedIntoId" IS NULL AND c."ownerId" = ${sunli.id}
            ORDER BY c."lastContactAt" ASC NULLS FIRST, c."createdAt", c.id LIMIT 20`,
        ],
      };
      const t = await timeInterleaved(cases, CALLS);
      console.error(JSON.stringify(t));
      const out = {
        bench: "crm-scale",
        date: new Date().toISOString(),
        machine: { ...machine(), loadavg_1m: round(os.loadavg()[0], 2) },
        load_seconds: loadSeconds,
        customers: counts.customers,
        contact_logs: counts.logs,
        my_customers: page.total,
        calls_per_case: CALLS,
        dup_p50_ms: t.dup.p50,
        dup_p95_ms: t.dup.p95,
        dup_sql_p50_ms: t.dup_sql.p50,
        dup_sql_p95_ms: t.dup_sql.p95,
        dup_ratio: round(t.dup.p95 / t.dup_sql.p95, 2),
        mine_p50_ms: t.mine.p50,
        mine_p95_ms: t.mine.p95,
        mine_sql_p50_ms: t.mine_sql.p50,
        mine_sql_p95_ms: t.mine_sql.p95,
        mine_ratio: round(t.mine.p95 / t.mine_sql.p95, 2),
        target_dup_p95_under_50ms_met: t.dup.p95 < 50,
        target_dup_within_2x_met: t.dup.p95 <= 2 * t.dup_sql.p95,
      };
      console.log(JSON.stringify(out));
    } finally {
      await opened.close();
    }
  } finally {
    await close();
  }
}

await main();
