import "server-only";
import pg from "pg";
import type { Prisma, PrismaClient } from "./generated/client";

/** The client as far as hot reads need it (lib/db/client.ts builds it). */
type Reader = Pick<PrismaClient, "$queryRaw">;

/**
 * Hot reads (the inbox's first page) run their SQL on the PostgreSQL pool
 * itself: Prisma's raw-query layer costs about a millisecond per statement,
 * which is more than the indexed page query. Everything else, and every write,
 * goes through Prisma. On PGlite (one in-process connection) the same SQL runs
 * through Prisma's $queryRaw.
 *
 * The rows have the shape $queryRaw gives, as far as hot reads use it:
 * timestamp(3) columns (UTC, as Prisma stores them) become Date, int4 number,
 * text[] string[], jsonb parsed. Cast counts to int: int8 would come back as a
 * string here and as a bigint through Prisma.
 */
const pools = new WeakMap<Reader, pg.Pool>();

/** Called by openDb for a PostgreSQL client: its hot reads use this pool. */
export function registerFastReads(db: Reader, pool: pg.Pool) {
  pools.set(db, pool);
}

const TIMESTAMP = 1114;
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary" ? utcTimestamp : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

// A Date parameter goes as UTC: pg would send local time with its offset, and
// timestamp (without time zone), which Prisma's DateTime columns are, drops the offset.
const param = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** Runs a read-only statement and returns its rows, on the pool when there is one. */
export async function fastRead<T>(db: Reader, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  const result = await pool.query({ text: query.text, values: query.values.map(param), types });
  return result.rows as T[];
}
