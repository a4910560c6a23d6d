// `npm run bench:crm-scale`: the customer base at scale (issue 16, "Measure") on PostgreSQL.
// A fresh database (migrated like production, the demo company seeded) gets BENCH_CUSTOMERS
// (1,000,000) customers, their name forms made by the product's own function
// (lib/names/customer-name-fields.ts), loaded 10,000 a statement, and BENCH_LOGS (10) contact
// logs each (10,000,000) made in SQL; one rep (sunli) owns 2,000 of them. Then, after 20
// untimed rounds, BENCH_CALLS (200) timed ones, interleaved with a bare baseline:
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
import { customerNameFields } from "../lib/names/customer-name-fields";
import { installDomainModules } from "../lib/server/domain-modules";
import { benchDatabase, machine, timeInterleaved } from "./support.mjs";

installDomainModules();
process.env.LOG_LEVEL ??= "warn";
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const LOGS = Number(process.env.BENCH_LOGS ?? 10);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const CHUNK = 10_000;
const MINE = 2000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// Trade names from four syllables of a fixed list, trades and regions as companies write them.
const SYL = "恒力精工华森博睿汇川联合宏达鑫源永盛金泰瑞丰德隆长盈信达万通天成东方新创明辉正泰宇通安捷凯达佳美".split("");
const TRADES = ["精密机械", "模具", "电子科技", "传动科技", "五金制品", "汽车零部件", "塑胶制品", "自动化设备"];
const REGIONS = ["苏州", "江苏省无锡市", "宁波", "东莞市", "上海", "浙江杭州", "深圳", "青岛"];
const FORMS = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"];

function customer(i: number) {
  const a = SYL[i % SYL.length];
  const b = SYL[Math.floor(i / SYL.length) % SYL.length];
  const c = SYL[Math.floor(i / SYL.length ** 2) % SYL.length];
  const d = SYL[Math.floor(i / SYL.length ** 3) % SYL.length];
  const name = `${REGIONS[i % REGIONS.length]}${a}${b}${c}${d}${TRADES[Math.floor(i / 7) % TRADES.length]}${FORMS[i % FORMS.length]}`;
  return { name, ...customerNameFields(name) };
}

async function load(db: Awaited<ReturnType<typeof openDb>>["db"]) {
  const sales = await db.employee.findMany({ where: { username: { in: ["sunli", "gaoyan", "majun", "zhoujie", "heqiang"] } }, select: { id: true, username: true, departmentId: true } });
  const sunli = sales.find((s) => s.username === "sunli")!;
  const others = sales.filter((s) => s.username !== "sunli");
  for (let start = 0; start < CUSTOMERS; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, CUSTOMERS - start) }, (_, k) => start + k).map((i) => {
      const owner = i % Math.floor(CUSTOMERS / MINE) === 0 ? sunli : others[i % others.length];
      return { i, ...customer(i), ownerId: owner.id, teamId: owner.departmentId };
    });
    await db.$executeRaw`INSERT INTO "Customer" (id, code, name, "nameKey", "nameBrand", "namePinyin", "nameInitials", "ownerId", "teamId", "lastContactAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, 'BX' || lpad(r.i::text, 7, '0'), r.name, r.key, r.brand, r.pinyin, r.initials, r.owner, r.team,
             now() - (r.i % 400) * interval '1 day', now() - interval '500 days', now()
      FROM unnest(${rows.map((r) => r.i)}::int[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.nameKey)}::text[], ${rows.map((r) => r.nameBrand)}::text[],
                  ${rows.map((r) => r.namePinyin)}::text[], ${rows.map((r) => r.nameInitials)}::text[], ${rows.map((r) => r.ownerId)}::text[], ${rows.map((r) => r.teamId)}::text[])
        AS r(i, name, key, brand, pinyin, initials, owner, team)`;
  }
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
