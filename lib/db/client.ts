import "server-only";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client";
import { openAdapter } from "./adapter";
import { readDbConfig, type DbConfig } from "./config";
import { registerFastReads } from "./fast-read";
import { applyMigrations } from "./migrate";

/** Secret columns never leave the data layer unless a query asks for them by name. */
const OMIT = {
  employee: { passwordHash: true },
  supplierUser: { passwordHash: true },
} as const;

// Errors carry the raw message only (as with NODE_ENV=production), not the coloured
// source excerpt Prisma prints by default: logs stay one line and tests read the same.
function buildClient(factory: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter: factory, omit: OMIT, errorFormat: "minimal" });
}

export type Db = ReturnType<typeof buildClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface OpenDb {
  db: Db;
  config: DbConfig;
  appliedMigrations: string[];
  close: () => Promise<void>;
}

/** Opens a database, applies pending migrations, returns a ready client. */
export async function openDb(config: DbConfig = readDbConfig()): Promise<OpenDb> {
  const handle = await openAdapter(config);
  try {
    const appliedMigrations = await applyMigrations(handle.factory);
    const db = buildClient(handle.clientFactory);
    if (handle.pool) registerFastReads(db, handle.pool);
    return {
      db,
      config,
      appliedMigrations,
      close: async () => {
        await db.$disconnect();
        await handle.close();
      },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

// Next bundles server code more than once (instrumentation, routes, actions);
// the process must still hold one client, and PGlite one owner of its folder.
const g = globalThis as { __appDb?: Promise<OpenDb> };

export function getOpenDb(): Promise<OpenDb> {
  if (!g.__appDb) {
    // A failed open is not cached: the next request tries again.
    g.__appDb = openDb().catch((e) => {
      g.__appDb = undefined;
      throw e;
    });
  }
  return g.__appDb;
}

export async function getDb(): Promise<Db> {
  return (await getOpenDb()).db;
}
