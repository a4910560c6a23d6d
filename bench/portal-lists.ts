// `npm run bench:portal-lists`: the supplier portal's order list, receipt library and
// receipt export for a big supplier on PostgreSQL. A fresh database (migrated like
// production) is bulk-loaded in SQL: 1,000 suppliers, 1,000,000 purchase-order lines.
// The big supplier holds 50,000 lines (5,000 orders of 10 lines, every one received in
// one goods receipt: 50,000 receipt lines, the export's 5,000-receipt limit exactly);
// the other 999 share 950,000 lines in orders of 5, 60% of the orders received (one
// receipt per order, every line; 5% of receipt lines with a rejected quantity).
// For the big supplier, interleaved, CALLS runs each after 20 untimed rounds, p50/p95:
// listPortalOrders (first page) against the bare statement for the same page (one
// $queryRaw: the same WHERE/ORDER BY/LIMIT with the lines aggregated) plus the bare count;
// listPortalReceipts likewise. Then exportPortalReceipts consumed to /dev/null: rows/s
// and the peak RSS growth over the RSS just before (sampled every 20 ms).
// The last line is one JSON object.
//
// BENCH_LINES (1000000), BENCH_CALLS (200), BENCH_KEEP_DB=1 keeps the database and
// prints its name, BENCH_DB=<name> reuses such a database (no load).
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { loadSupplierActor } from "../lib/auth/load-actor";
import { openDb } from "../lib/db/client";
import type { Translate } from "../lib/errors/translate-error";
import { loadMessages } from "../lib/i18n/messages";
import { installDomainModules } from "../lib/server/domain-modules";
import { exportPortalReceipts } from "../lib/srm/export-portal-receipts";
import { parsePortalListQuery } from "../lib/srm/portal-lists.schema";
import { listPortalOrders } from "../lib/srm/portal-orders";
import { listPortalReceipts } from "../lib/srm/portal-receipts";
import { benchDatabase, machine, timeInterleaved } from "./support.mjs";

installDomainModules();

process.env.LOG_LEVEL ??= "warn";
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const SUPPLIERS = 1000;
const BIG_ORDERS = Math.round((LINES * 0.05) / 10); // the big supplier: 5% of the lines, orders of 10
const ORDERS = BIG_ORDERS + Math.round((LINES - BIG_ORDERS * 10) / 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const BIG = `md5('sup1')::uuid::text`;

// Order o (1..ORDERS): o <= BIG_ORDERS belongs to supplier 1 (10 lines, received), others
// to supplier 2 + o % 999 (5 lines, received when hash(o) says so: 60%).
const RECEIVED = `(o <= ${BIG_ORDERS} OR abs(hashint4(o)) % 100 < 60)`;
const LOAD = [
  `SELECT setseed(0.42)`,
  `INSERT INTO "MasterData" ("id", "kind", "code", "name", "attrs", "updatedAt") VALUES
     (md5('u1')::uuid::text, 'unit', 'pcs', '件', '{"nameEn":"Piece"}', now()), (md5('u2')::uuid::text, 'unit', 'kg', '千克', '{"nameEn":"Kilogram"}', now()),
     (md5('u3')::uuid::text, 'unit', 'm', '米', '{"nameEn":"Metre"}', now())`,
  `INSERT INTO "Supplier" ("id", "code", "name", "status", "updatedAt")
   SELECT md5('sup' || s)::uuid::text, 'S' || lpad(s::text, 4, '0'), '供应商' || s || '精密制造有限公司', 'active', now() FROM generate_series(1, ${SUPPLIERS}) s`,
  `INSERT INTO "SupplierUser" ("id", "supplierId", "username", "name", "passwordHash", "updatedAt")
   SELECT md5('su' || s)::uuid::text, md5('sup' || s)::uuid::text, 'sup' || s, '联系人' || s, 'x', now() FROM generate_series(1, ${SUPPLIERS}) s`,
  `CREATE TEMP TABLE o AS
   SELECT o, md5('po' || o)::uuid::text AS id, CASE WHEN o <= ${BIG_ORDERS} THEN ${BIG} ELSE md5('sup' || (2 + o % ${SUPPLIERS - 1}))::uuid::text END AS sid,
     CASE WHEN o <= ${BIG_ORDERS} THEN 10 ELSE 5 END AS nlines, ${RECEIVED} AS received,
     now() - random() * interval '730 days' AS created
   FROM generate_series(1, ${ORDERS}) o`,
  `INSERT INTO "PurchaseOrder" ("id", "number", "supplierId", "status", "currencyCode", "orderDate", "confirmedAt", "supplierRef", "createdAt", "updatedAt")
   SELECT id, 'PO-' || lpad(o::text, 7, '0'), sid,
     (CASE WHEN received THEN 'received' WHEN o % 10 < 5 THEN 'confirmed' WHEN o % 10 < 9 THEN 'open' ELSE 'cancelled' END)::"PurchaseOrderStatus",
     'CNY', date_trunc('day', created), CASE WHEN received OR o % 10 < 5 THEN created + interval '1 day' END,
     CASE WHEN received OR o % 10 < 5 THEN 'SR-' || o END, created, created
   FROM o`,
  `INSERT INTO "PurchaseOrderLine" ("id", "orderId", "lineNo", "productCode", "description", "quantity", "unitCode", "unitPrice", "requestedDate",
     "originalQuantity", "confirmedQuantity", "confirmedDate", "receivedQuantity", "rejectedQuantity")
   SELECT md5('pol' || o || '-' || n)::uuid::text, id, n, 'P-' || lpad((abs(hashint4(o * 16 + n)) % 20000)::text, 5, '0'), '零件 ' || n || ' 型号 ' || (o % 97),
     q, (ARRAY['pcs', 'kg', 'm'])[1 + n % 3], 1 + (o % 90), created + interval '20 days', q,
     CASE WHEN received OR o % 10 < 5 THEN q END, CASE WHEN received OR o % 10 < 5 THEN created + interval '20 days' END,
     CASE WHEN received THEN q ELSE 0 END, 0
   FROM (SELECT o.*, n, (10 + (o * 7 + n) % 490)::numeric AS q FROM o, generate_series(1, o.nlines) n) l`,
  `INSERT INTO "GoodsReceipt" ("id", "number", "orderId", "supplierId", "receivedAt", "createdAt")
   SELECT md5('gr' || o)::uuid::text, 'GR-' || lpad(o::text, 7, '0'), id, sid, created + interval '20 days' + random() * interval '10 days', created + interval '20 days'
   FROM o WHERE received`,
  `INSERT INTO "GoodsReceiptLine" ("id", "receiptId", "orderLineId", "acceptedQuantity", "rejectedQuantity", "locationCode")
   SELECT md5('grl' || o || '-' || n)::uuid::text, md5('gr' || o)::uuid::text, md5('pol' || o || '-' || n)::uuid::text,
     CASE WHEN rej THEN q - 2 ELSE q END, CASE WHEN rej THEN 2 ELSE 0 END, 'WH1'
   FROM (SELECT o.o, n, (10 + (o.o * 7 + n) % 490)::numeric AS q, abs(hashint4(o.o * 16 + n + 7)) % 100 < 5 AS rej
         FROM o, generate_series(1, o.nlines) n WHERE o.received) l`,
  `DROP TABLE o`,
  // Steady state: autovacuum would get there; doing it now keeps it from running during the measurement.
  `VACUUM ANALYZE`,
];

/** The bare first page of the order list: the use-case's WHERE/ORDER BY/LIMIT, its lines aggregated, in one statement. */
const BARE_ORDERS = `SELECT o."id", o."number", o."status", o."orderDate", o."confirmedAt", o."supplierRef",
    (SELECT json_agg(json_build_object('quantity', l."quantity", 'confirmedQuantity', l."confirmedQuantity", 'receivedQuantity', l."receivedQuantity", 'unitCode', l."unitCode") ORDER BY l."lineNo")
     FROM "PurchaseOrderLine" l WHERE l."orderId" = o."id") AS "lines"
  FROM "PurchaseOrder" o WHERE o."supplierId" = $1 ORDER BY o."createdAt" DESC, o."id" ASC LIMIT 20`;
const BARE_ORDERS_COUNT = `SELECT count(*)::int AS n FROM "PurchaseOrder" WHERE "supplierId" = $1`;
const BARE_RECEIPTS = `SELECT r."id", r."number", r."receivedAt", o."id" AS "orderId", o."number" AS "orderNumber", p."number" AS "planNumber",
    (SELECT json_agg(json_build_object('accepted', gl."acceptedQuantity", 'rejected', gl."rejectedQuantity", 'lineNo', l."lineNo", 'productCode', l."productCode", 'description', l."description", 'unitCode', l."unitCode"))
     FROM "GoodsReceiptLine" gl JOIN "PurchaseOrderLine" l ON l."id" = gl."orderLineId" WHERE gl."receiptId" = r."id") AS "lines"
  FROM "GoodsReceipt" r JOIN "PurchaseOrder" o ON o."id" = r."orderId" LEFT JOIN "DeliveryPlan" p ON p."id" = r."deliveryPlanId"
  WHERE r."supplierId" = $1 ORDER BY r."receivedAt" DESC, r."id" ASC LIMIT 20`;
const BARE_RECEIPTS_COUNT = `SELECT count(*)::int AS n FROM "GoodsReceipt" r WHERE r."supplierId" = $1`;

/** Runs the export to /dev/null, sampling RSS every 20 ms: seconds and the peak growth in MB. */
async function measureExport(run: () => Promise<ReadableStream<Uint8Array>>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    const stream = await run();
    await pipeline(Readable.fromWeb(stream as never), fs.createWriteStream("/dev/null"));
  } finally {
    clearInterval(sample);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds: (performance.now() - t0) / 1000, growthMb: (peak - before) / 2 ** 20 };
}

async function main() {
  const { name, url, fresh, keep, close } = await benchDatabase("ff_bench_portal");
  try {
    const opened = await openDb({ mode: "postgresql", url });
    const db = opened.db;
    try {
      let loadSeconds = 0;
      if (fresh) {
        const loader = new pg.Client({ connectionString: url });
        await loader.connect();
        const t0 = Date.now();
        try {
          for (const sql of LOAD) await loader.query(sql);
        } finally {
          await loader.end();
        }
        loadSeconds = round((Date.now() - t0) / 1000);
        console.error(`loaded ${LINES} order lines in ${loadSeconds} s`);
      }
      const [counts] = await db.$queryRawUnsafe<{ suppliers: number; orders: number; lines: number; receipts: number; receipt_lines: number }[]>(
        `SELECT (SELECT count(*)::int FROM "Supplier") AS suppliers, (SELECT count(*)::int FROM "PurchaseOrder") AS orders, (SELECT count(*)::int FROM "PurchaseOrderLine") AS lines,
           (SELECT count(*)::int FROM "GoodsReceipt") AS receipts, (SELECT count(*)::int FROM "GoodsReceiptLine") AS receipt_lines`,
      );
      const actor = (await loadSupplierActor(md5Uuid("su1"), db))!;
      const sid = actor.supplierId;
      const [big] = await db.$queryRawUnsafe<{ lines: number; receipt_lines: number }[]>(
        `SELECT (SELECT count(*)::int FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" o ON o."id" = l."orderId" WHERE o."supplierId" = $1) AS lines,
           (SELECT count(*)::int FROM "GoodsReceiptLine" gl JOIN "GoodsReceipt" r ON r."id" = gl."receiptId" JOIN "PurchaseOrder" o ON o."id" = r."orderId" WHERE o."supplierId" = $1) AS receipt_lines`,
        sid,
      );
      const first = parsePortalListQuery({});
      const cases = {
        orders: () => listPortalOrders(db, actor, first),
        orders_sql: async () => [await db.$queryRawUnsafe(BARE_ORDERS_COUNT, sid), await db.$queryRawUnsafe(BARE_ORDERS, sid)],
        receipts: () => listPortalReceipts(db, actor, first),
        receipts_sql: async () => [await db.$queryRawUnsafe(BARE_RECEIPTS_COUNT, sid), await db.$queryRawUnsafe(BARE_RECEIPTS, sid)],
      };
      // Both sides the same shape: the use-case counts, then reads the page; so does the bare pair.
      const orders = await listPortalOrders(db, actor, first);
      const receipts = await listPortalReceipts(db, actor, first);
      console.error(`big supplier: ${big.lines} order lines, ${orders.total} orders, ${receipts.total} receipts, ${big.receipt_lines} receipt lines`);
      const t = await timeInterleaved(cases, CALLS);
      console.error(JSON.stringify(t));

      const zh = translator(await loadMessages("zh-CN"));
      const [exp] = await db.$queryRawUnsafe<{ rows: number }[]>(
        `SELECT count(*)::int AS rows FROM "GoodsReceiptLine" gl WHERE gl."receiptId" IN (
           SELECT r."id" FROM "GoodsReceipt" r WHERE r."supplierId" = $1 ORDER BY r."receivedAt" DESC, r."id" LIMIT 5000)`,
        sid,
      );
      const ex = await measureExport(() => exportPortalReceipts(db, actor, {}, { locale: "zh-CN", t: zh }));
      console.error(`export: ${exp.rows} rows in ${round(ex.seconds, 2)} s, RSS +${round(ex.growthMb)} MB`);

      const out = {
        bench: "portal-lists",
        date: new Date().toISOString(),
        machine: { ...machine(), loadavg_1m: round(os.loadavg()[0], 2) },
        load_seconds: loadSeconds,
        suppliers: counts.suppliers,
        orders: counts.orders,
        order_lines: counts.lines,
        receipts: counts.receipts,
        receipt_lines: counts.receipt_lines,
        big_supplier: { order_lines: big.lines, orders: orders.total, receipts: receipts.total, receipt_lines: big.receipt_lines },
        calls_per_case: CALLS,
        orders_p50_ms: t.orders.p50,
        orders_p95_ms: t.orders.p95,
        orders_sql_p50_ms: t.orders_sql.p50,
        orders_sql_p95_ms: t.orders_sql.p95,
        orders_ratio: round(t.orders.p95 / t.orders_sql.p95, 2),
        receipts_p50_ms: t.receipts.p50,
        receipts_p95_ms: t.receipts.p95,
        receipts_sql_p50_ms: t.receipts_sql.p50,
        receipts_sql_p95_ms: t.receipts_sql.p95,
        receipts_ratio: round(t.receipts.p95 / t.receipts_sql.p95, 2),
        export_rows: exp.rows,
        export_s: round(ex.seconds, 2),
        export_rows_per_s: Math.round(exp.rows / ex.seconds),
        export_rss_growth_mb: round(ex.growthMb),
        target_p95_under_50ms_met: t.orders.p95 < 50 && t.receipts.p95 < 50,
        target_within_2x_of_sql_met: t.orders.p95 <= 2 * t.orders_sql.p95 && t.receipts.p95 <= 2 * t.receipts_sql.p95,
        target_export_rss_under_100mb_met: ex.growthMb < 100,
        ...(keep ? { database: name } : {}),
      };
      console.log(JSON.stringify(out));
    } finally {
      await opened.close();
    }
  } finally {
    await close();
  }
}

/** The messages' plain strings by dotted key, {name} placeholders filled (the export's headers need no more). */
function translator(messages: unknown): Translate {
  const get = (key: string) => key.split(".").reduce<unknown>((m, k) => (m && typeof m === "object" ? (m as Record<string, unknown>)[k] : undefined), messages);
  const t = (key: string, values?: Record<string, string | number>) => {
    const m = get(key);
    return typeof m === "string" ? m.replace(/\{(\w+)\}/g, (all, k: string) => String(values?.[k] ?? all)) : key;
  };
  return Object.assign(t, { has: (key: string) => typeof get(key) === "string" });
}

/** md5(text)::uuid as PostgreSQL spells it. */
function md5Uuid(s: string) {
  const h = createHash("md5").update(s).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

await main();
