import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { logger } from "../log/logger";
import { DEFAULT_POOL_SIZE, type DbConfig } from "./config";

export interface DbHandle {
  /**
   * For migrations. With PostgreSQL each connect opens a pool of its own that
   * ends with it: Prisma's migration lock (a session advisory lock) may be
   * released on another connection of the pool than the one that took it, and
   * only ending the pool then frees it for the next instance that starts.
   */
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** For the app's client. */
  clientFactory: SqlDriverAdapterFactory;
  /** The PostgreSQL pool behind clientFactory (postgresql mode): hot reads use it directly (fast-read.ts). */
  pool?: pg.Pool;
  close: () => Promise<void>;
}

/** Opens the driver adapter for the configured mode. One process owns a PGlite folder. */
export async function openAdapter(config: DbConfig): Promise<DbHandle> {
  if (config.mode === "postgresql") {
    // One pool for the app's Prisma client and its hot reads, so DB_POOL_SIZE bounds
    // both. Prisma leaves a pool it did not create open; close() ends it.
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? DEFAULT_POOL_SIZE });
    // An idle connection that breaks (server restart) must not crash the process.
    pool.on("error", (e) => logger.warn({ err: e.message }, "idle database connection failed"));
    const factory = new PrismaPg({ connectionString: config.url, max: config.poolSize ?? DEFAULT_POOL_SIZE });
    return { factory, clientFactory: new PrismaPg(pool), pool, close: () => pool.end() };
  }
  const dir = config.dataDir ?? "memory://";
  // PGlite does not create missing parent folders.
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { extensions: { pg_trgm } });
  const factory = new PrismaPGlite(pglite);
  return { factory, clientFactory: factory, close: () => pglite.close() };
}
