import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { DEFAULT_POOL_SIZE, type DbConfig } from "./config";

export interface DbHandle {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
}

/** Opens the driver adapter for the configured mode. One process owns a PGlite folder. */
export async function openAdapter(config: DbConfig): Promise<DbHandle> {
  if (config.mode === "postgresql") {
    const factory = new PrismaPg({ connectionString: config.url, max: config.poolSize ?? DEFAULT_POOL_SIZE });
    return { factory, close: async () => {} };
  }
  const dir = config.dataDir ?? "memory://";
  // PGlite does not create missing parent folders.
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { extensions: { pg_trgm } });
  return { factory: new PrismaPGlite(pglite), close: () => pglite.close() };
}
