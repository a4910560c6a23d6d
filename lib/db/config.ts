import path from "node:path";

export type DbMode = "pglite" | "postgresql";

export interface DbConfig {
  mode: DbMode;
  /** PostgreSQL connection string (postgresql mode). */
  url?: string;
  /** PGlite data folder (pglite mode); "memory://" keeps it in memory. */
  dataDir?: string;
}

/** DATABASE_URL selects a PostgreSQL server; otherwise the embedded PGlite folder. */
export function readDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { mode: "postgresql", url };
  const dir = env.PGLITE_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { mode: "pglite", dataDir: dir };
}
