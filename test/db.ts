import { randomUUID } from "node:crypto";
import { syncShippedForms } from "@/lib/workflow/sync-shipped-processes";
import pg from "pg";
import { openDb, type OpenDb } from "@/lib/db/client";
import type { DbConfig } from "@/lib/db/config";

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

let pgAvailable: Promise<boolean> | undefined;

/** True when a PostgreSQL server answers on 127.0.0.1:5432 (or TEST_PG_ADMIN_URL). */
export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export type TestDbKind = "pglite" | "postgresql";

/**
 * A fresh, migrated database of the given kind. PostgreSQL databases are created
 * with LOCALE 'C.utf8' (trigrams for Chinese names need it) and dropped on close.
 */
export async function freshDb(kind: TestDbKind): Promise<OpenDb & { url?: string }> {
  const opened = await openFreshDb(kind);
  // As at boot: the shipped forms are published (processes are published by the tests that need them).
  await syncShippedForms(opened.db);
  return opened;
}

async function openFreshDb(kind: TestDbKind): Promise<OpenDb & { url?: string }> {
  if (kind === "pglite") return openDb({ mode: "pglite", dataDir: "memory://" });
  const name = `ff_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await adminQuery(`CREATE DATABASE ${name} LOCALE 'C.utf8' TEMPLATE template0`);
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const config: DbConfig = { mode: "postgresql", url };
  const opened = await openDb(config);
  return {
    ...opened,
    url,
    close: async () => {
      await opened.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The database kinds to run integration suites on: PGlite always, PostgreSQL when it answers. */
export async function dbKinds(): Promise<TestDbKind[]> {
  return (await postgresAvailable()) ? ["pglite", "postgresql"] : ["pglite"];
}
