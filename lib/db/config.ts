import path from "node:path";

type DbMode = "pglite" | "postgresql";

export interface DbConfig {
  mode: DbMode;
  /** PostgreSQL connection string (postgresql mode). */
  url?: string;
  /** PGlite data folder (pglite mode); "memory://" keeps it in memory. */
  dataDir?: string;
  /** Connections in the PostgreSQL pool (postgresql mode); DEFAULT_POOL_SIZE when unset. */
  poolSize?: number;
}

export const DEFAULT_POOL_SIZE = 10;
/** Start-up holds an advisory lock on one connection while its steps use another (lib/db/boot.ts). */
const MIN_POOL_SIZE = 2;

/** DATABASE_URL selects a PostgreSQL server; otherwise the embedded PGlite folder. */
export function readDbConfig(env: Readonly<Record<string, string | undefined>> = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { mode: "postgresql", url, poolSize: readPoolSize(env.DB_POOL_SIZE) };
  const dir = env.PGLITE_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { mode: "pglite", dataDir: dir };
}

/** A bad DB_POOL_SIZE fails loudly: with one connection start-up would wait on itself for ever. */
function readPoolSize(value: string | undefined): number {
  const raw = value?.trim();
  if (!raw) return DEFAULT_POOL_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < MIN_POOL_SIZE) {
    throw new Error(
      `DB_POOL_SIZE must be a whole number of at least ${MIN_POOL_SIZE} with PostgreSQL, not ${JSON.stringify(raw)}: start-up holds one connection for its lock while its steps use another`,
    );
  }
  return size;
}
