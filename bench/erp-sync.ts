// `npm run bench:erp-sync`: master-data sync of 10,000 products and 2,000 parties
// from a real Tryton 6.0 (SQLite, scripts/tryton/). Loads the records into Tryton
// once (batched JSON-RPC creates; skipped when already there), then measures:
// - through the connector alone: a full read of all products and parties (page 1000)
//   and an incremental read with nothing changed;
// - through syncMasterData into a fresh in-memory PGlite app database: a full sync
//   (reads plus the app's upserts) and a second sync with nothing changed, each with
//   the part of it spent waiting for Tryton (*_tryton_s).
// Parties are read once for the "supplier" role (Tryton has no roles: the customer
// stream reads the same parties again; syncMasterData does read both).
// The last line is one JSON object.
//
// Env: TRYTON_URL/TRYTON_DB/TRYTON_USER/TRYTON_PASSWORD (else scripts/tryton/ensure-tryton.sh
// is run), BENCH_PRODUCTS (10000), BENCH_PARTIES (2000).
import { execFileSync } from "node:child_process";
import { openDb } from "../lib/db/client";
import type { ErpConnector, ErpPage } from "../lib/erp/connector";
import { syncMasterData } from "../lib/erp/sync-master-data";
import { createTrytonConnector } from "../lib/erp/tryton/tryton-connector";
import { decimal } from "../lib/erp/tryton/tryton-json";
import { TrytonPeer } from "../test/erp/tryton-peer";
import { machine } from "./support.mjs";

process.env.LOG_LEVEL ??= "warn";
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const PARTIES = Number(process.env.BENCH_PARTIES ?? 2_000);
const BATCH = 500;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const secs = (t0: number) => (performance.now() - t0) / 1000;

function connection() {
  if (!process.env.TRYTON_URL) {
    const out = execFileSync("bash", ["scripts/tryton/ensure-tryton.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    for (const m of out.matchAll(/^(TRYTON_[A-Z_]+)=(.*)$/gm)) process.env[m[1]] ??= m[2];
  }
  return { kind: "tryton" as const, url: process.env.TRYTON_URL!, database: process.env.TRYTON_DB ?? "erp", username: process.env.TRYTON_USER ?? "admin", password: process.env.TRYTON_PASSWORD ?? "" };
}

/** Creates what is missing of BENCH-P-00001.. and BENCH-S-0001..; returns the seconds spent. */
async function seed(peer: TrytonPeer): Promise<number> {
  const t0 = performance.now();
  const rpc = peer.rpc;
  const [unit] = await rpc.model<number[]>("product.uom", "search", [["symbol", "=", "u"]]);
  const haveP = await rpc.model<number>("product.product", "search_count", [["code", "like", "BENCH-P-%"]]);
  for (let i = haveP; i < PRODUCTS; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, PRODUCTS - i) }, (_, k) => {
      const n = String(i + k + 1).padStart(5, "0");
      return { name: `Bench part ${n}`, type: "goods", default_uom: unit, purchasable: true, purchase_uom: unit, list_price: decimal(1 + ((i + k) % 97)), products: [["create", [{ suffix_code: `BENCH-P-${n}` }]]] };
    });
    await rpc.model("product.template", "create", batch);
    console.error(`seeded products ${i + batch.length}/${PRODUCTS}`);
  }
  const haveS = await rpc.model<number>("party.party", "search_count", [["code", "like", "BENCH-S-%"]]);
  for (let i = haveS; i < PARTIES; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, PARTIES - i) }, (_, k) => {
      const n = String(i + k + 1).padStart(4, "0");
      return { name: `Bench party ${n}`, code: `BENCH-S-${n}`, addresses: [["create", [{ street: `${n} Bench Road`, city: "Suzhou" }]]] };
    });
    await rpc.model("party.party", "create", batch);
    console.error(`seeded parties ${i + batch.length}/${PARTIES}`);
  }
  return secs(t0);
}

/** Reads a stream to its end; returns the row count and the highest writeAt. */
async function readAll<T extends { writeAt: string }>(read: (page: string | null) => Promise<ErpPage<T>>): Promise<{ rows: number; max: string | null }> {
  let page: string | null = null;
  let rows = 0;
  let max: string | null = null;
  do {
    const r = await read(page);
    rows += r.items.length;
    for (const it of r.items) if (!max || it.writeAt > max) max = it.writeAt;
    page = r.next;
  } while (page);
  return { rows, max };
}

async function connectorReads(erp: ErpConnector) {
  const t0 = performance.now();
  const products = await readAll((p) => erp.readProducts(null, p, 1000));
  const tProducts = secs(t0);
  const t1 = performance.now();
  const parties = await readAll((p) => erp.readParties("supplier", null, p, 1000));
  const tParties = secs(t1);
  const t2 = performance.now();
  const incP = await readAll((p) => erp.readProducts(products.max, p, 1000));
  const incS = await readAll((p) => erp.readParties("supplier", parties.max, p, 1000));
  const incremental = secs(t2);
  return { products: products.rows, parties: parties.rows, products_s: tProducts, parties_s: tParties, incremental_s: incremental, incremental_rows: incP.rows + incS.rows };
}

/** The connector with a stopwatch: how much of the app's sync is spent waiting for Tryton. */
function timed(erp: ErpConnector): ErpConnector & { spent: () => number } {
  let ms = 0;
  const wrap = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A) => {
    const t0 = performance.now();
    try {
      return await fn(...a);
    } finally {
      ms += performance.now() - t0;
    }
  };
  return {
    ...erp,
    readMasterData: wrap(erp.readMasterData),
    readProducts: wrap(erp.readProducts),
    readParties: wrap(erp.readParties),
    spent: () => {
      const s = ms / 1000;
      ms = 0;
      return s;
    },
  };
}

async function main() {
  const conn = connection();
  const peer = new TrytonPeer(conn);
  const why = await peer.unavailable();
  if (why) throw new Error(why);
  await peer.prepare();
  const seed_s = await seed(peer);
  const erp = createTrytonConnector(conn);
  const version = (await erp.testConnection()).version;

  await erp.readMasterData("unit"); // warm the session and Tryton's caches
  const r = await connectorReads(erp);
  const full_s = r.products_s + r.parties_s;
  console.error(`connector: ${r.products} products in ${round(r.products_s)} s, ${r.parties} parties in ${round(r.parties_s)} s; incremental ${round(r.incremental_s, 3)} s (${r.incremental_rows} rows)`);

  const app = await openDb({ mode: "pglite", dataDir: "memory://" });
  const clock = timed(erp);
  let appFull: Awaited<ReturnType<typeof syncMasterData>>, appInc: Awaited<ReturnType<typeof syncMasterData>>;
  let fullTryton: number, incTryton: number;
  try {
    appFull = await syncMasterData(app.db, clock, { full: true });
    fullTryton = clock.spent();
    appInc = await syncMasterData(app.db, clock, {});
    incTryton = clock.spent();
  } finally {
    await app.close();
  }
  const appRows = appFull.products.read + appFull.suppliers.read + appFull.customers.read + appFull.masterData.read;
  console.error(`app sync (PGlite): full ${appRows} rows in ${round(appFull.durationMs / 1000)} s; nothing changed: ${round(appInc.durationMs / 1000, 3)} s (${appInc.products.read + appInc.suppliers.read + appInc.customers.read} rows read)`);

  console.log(JSON.stringify({
    bench: "erp-sync", tryton: version, machine: machine(), seed_s: round(seed_s, 1),
    products: r.products, parties: r.parties,
    full_s: round(full_s), rows_per_s: Math.round((r.products + r.parties) / full_s),
    products_per_s: Math.round(r.products / r.products_s), parties_per_s: Math.round(r.parties / r.parties_s),
    incremental_s: round(r.incremental_s, 3), incremental_rows: r.incremental_rows,
    app_full_s: round(appFull.durationMs / 1000), app_rows: appRows, app_rows_per_s: Math.round(appRows / (appFull.durationMs / 1000)),
    app_full_tryton_s: round(fullTryton), app_incremental_s: round(appInc.durationMs / 1000, 3), app_incremental_tryton_s: round(incTryton, 3), app_incremental_rows: appInc.products.read + appInc.suppliers.read + appInc.customers.read,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
