// `npm run bench:liaison-report`: the liaison-form report (issue 17, "Measure") on PostgreSQL.
// A fresh database (migrated like production, the demo company seeded) gets BENCH_FORMS
// (20,000) liaison forms with 5 stages each (100,000 stages: design and quality in parallel,
// then production, purchasing, warehouse), made in SQL over 2,000 customers and 5,000
// opportunities: 70% of the forms finished (about one stage in six late), the rest open at
// various stages. Then, after 20 untimed rounds, BENCH_CALLS (200) timed ones, interleaved:
// - the report as the page loads it (liaisonReport: a page of 50 stages with their standing,
//   the total, the load per department and per person, the filter options), unfiltered,
//   by department and by customer in turn;
// - the bare baseline: the same page and count statements alone (reportPageSql + reportCountSql).
// The last line is one JSON object.
import os from "node:os";
import { loadEmployeeActor } from "../lib/auth/load-actor";
import { liaisonReport } from "../lib/crm/liaison/liaison-report";
import { dueSql, reportCountSql, reportPageSql, reportWhere } from "../lib/crm/liaison/liaison-report-sql";
import { openDb } from "../lib/db/client";
import { seedDemo } from "../lib/demo/seed";
import { installDomainModules } from "../lib/server/domain-modules";
import { benchDatabase, machine, timeInterleaved } from "./support.mjs";

installDomainModules();
process.env.LOG_LEVEL ??= "warn";
const FORMS = Number(process.env.BENCH_FORMS ?? 20_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const CUSTOMERS = 2000;
const OPPORTUNITIES = 5000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

type Db = Awaited<ReturnType<typeof openDb>>["db"];

async function load(db: Db) {
  const sales = await db.employee.findMany({ where: { username: { in: ["sunli", "gaoyan", "majun"] } }, select: { id: true, departmentId: true } });
  const depts = await db.department.findMany({ where: { code: { in: ["design", "quality", "production", "purchasing", "warehouse"] } }, select: { id: true, code: true, headId: true } });
  const dept = (code: string) => depts.find((d) => d.code === code)!;
  const people = await db.employee.findMany({ where: { departmentId: { in: depts.map((d) => d.id) } }, select: { id: true, departmentId: true } });
  await db.$executeRaw`INSERT INTO "Customer" (id, code, name, "nameKey", "ownerId", "teamId", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, 'BL' || lpad(i::text, 6, '0'), '联络单基准客户' || i || '有限公司', 'bl' || i, (${sales.map((s) => s.id)}::text[])[1 + i % 3], (${sales.map((s) => s.departmentId)}::text[])[1 + i % 3], now(), now()
    FROM generate_series(1, ${CUSTOMERS}) i`;
  await db.$executeRaw`INSERT INTO "Opportunity" (id, code, name, "customerId", "ownerId", "teamId", "createdById", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, 'OB' || lpad(i::text, 6, '0'), '基准商机' || i, c.id, c."ownerId", c."teamId", c."ownerId", now(), now()
    FROM generate_series(1, ${OPPORTUNITIES}) i JOIN "Customer" c ON c.code = 'BL' || lpad((1 + i % ${CUSTOMERS})::text, 6, '0')`;
  await db.$executeRaw`INSERT INTO "LiaisonForm" (id, code, title, "opportunityId", "customerId", status, "currentSeq", "createdById", "createdAt", "updatedAt", "finishedAt")
    SELECT gen_random_uuid()::text, 'LB' || lpad(i::text, 6, '0'), '基准联络单' || i, o.id, o."customerId",
      (CASE WHEN i % 10 < 7 THEN 'done' ELSE 'running' END)::"LiaisonFormStatus", CASE WHEN i % 10 < 7 THEN NULL ELSE 1 + i % 4 END,
      o."ownerId", now() - (i % 400) * interval '1 day', now(), CASE WHEN i % 10 < 7 THEN now() - (i % 400) * interval '1 day' + interval '20 days' END
    FROM generate_series(1, ${FORMS}) i JOIN "Opportunity" o ON o.code = 'OB' || lpad((1 + i % ${OPPORTUNITIES})::text, 6, '0')`;
  // Stage k (1..5) of form i: seq 1,1,2,3,4; open forms are at seq (i % 4) + 1: earlier ones done, that one working, later waiting.
  const codes = ["design", "quality", "production", "purchasing", "warehouse"];
  const seqs = [1, 1, 2, 3, 4];
  for (let k = 0; k < 5; k++) {
    const d = dept(codes[k]);
    const pool = people.filter((p) => p.departmentId === d.id).map((p) => p.id);
    await db.$executeRaw`INSERT INTO "LiaisonStage" (id, "formId", seq, "departmentId", task, "deadlineDays", status, "assigneeId", "startedAt", "plannedFinishAt", "actualFinishAt", result, "customerId", "opportunityId", "createdAt")
      SELECT gen_random_uuid()::text, f.id, ${seqs[k]}, ${d.id}, '基准环节' || ${k + 1}, 3, st.status::"LiaisonStageStatus",
        CASE WHEN st.status IN ('working', 'done') THEN (${pool}::text[])[1 + n % ${pool.length}] END,
        CASE WHEN st.status <> 'waiting' THEN f."createdAt" + ${seqs[k] * 4} * interval '1 day' END,
        CASE WHEN st.status <> 'waiting' THEN f."createdAt" + ${seqs[k] * 4 + 3} * interval '1 day' + interval '15 hours' END,
        CASE WHEN st.status = 'done' THEN f."createdAt" + ${seqs[k] * 4} * interval '1 day' + (n % 6) * interval '20 hours' END,
        CASE WHEN st.status = 'done' THEN '已办理' END, f."customerId", f."opportunityId", f."createdAt"
      FROM (SELECT id, "createdAt", "customerId", "opportunityId", status, "currentSeq", substring(code from 3)::int AS n FROM "LiaisonForm" WHERE code LIKE 'LB%') f
      CROSS JOIN LATERAL (SELECT CASE WHEN f.status = 'done' OR ${seqs[k]} < f."currentSeq" THEN 'done' WHEN ${seqs[k]} = f."currentSeq" THEN 'working' ELSE 'waiting' END AS status) st`;
  }
  await db.$executeRawUnsafe(`VACUUM ANALYZE "LiaisonForm"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "LiaisonStage"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Customer"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Opportunity"`);
}

async function main() {
  const { url, fresh, close } = await benchDatabase("ff_bench_liaison");
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
      const [counts] = await db.$queryRawUnsafe<{ forms: number; stages: number }[]>(`SELECT (SELECT count(*)::int FROM "LiaisonForm") AS forms, (SELECT count(*)::int FROM "LiaisonStage") AS stages`);
      const reader = await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: "zhoujie" } })).id, db);
      if (!reader) throw new Error("bench: zhoujie is inactive");
      const deptIds = (await db.department.findMany({ where: { code: { in: ["design", "production", "warehouse"] } }, select: { id: true } })).map((d) => d.id);
      const customerIds = (await db.customer.findMany({ where: { code: { in: ["BL000007", "BL000777", "BL001500"] } }, select: { id: true } })).map((c) => c.id);
      const filters: Record<string, string>[] = [{}, ...deptIds.map((department) => ({ department })), ...customerIds.map((customer) => ({ customer })), { due: "overdue" }];
      const first = await liaisonReport(db, reader, {});
      console.error(`forms ${counts.forms}, stages ${counts.stages}; unfiltered ${first.total} stages, page ${first.stages.length}, departments ${first.departments.length}, people ${first.people.length}`);
      let p = 0;
      let s = 0;
      const at = new Date();
      const cases = {
        report: () => liaisonReport(db, reader, filters[p++ % filters.length]),
        report_sql: () => {
          const where = reportWhere(filters[s++ % filters.length], at, new Date(at.getTime() + 864e5));
          return Promise.all([db.$queryRaw(reportPageSql(where, dueSql(at, new Date(at.getTime() + 864e5)), 50, 0)), db.$queryRaw(reportCountSql(where))]);
        },
      };
      const t = await timeInterleaved(cases, CALLS);
      console.error(JSON.stringify(t));
      const out = {
        bench: "liaison-report",
        date: new Date().toISOString(),
        machine: { ...machine(), loadavg_1m: round(os.loadavg()[0], 2) },
        load_seconds: loadSeconds,
        forms: counts.forms,
        stages: counts.stages,
        calls: CALLS,
        filters: filters.length,
        report_p50_ms: t.report.p50,
        report_p95_ms: t.report.p95,
        report_sql_p50_ms: t.report_sql.p50,
        report_sql_p95_ms: t.report_sql.p95,
        ratio: round(t.report.p95 / t.report_sql.p95, 2),
        target_p95_under_300ms_met: t.report.p95 < 300,
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
