import { describe, expect, it } from "vitest";
import { DEFAULT_POOL_SIZE, readDbConfig } from "./config";

const PG_URL = "postgresql://app@db:5432/app";

describe("readDbConfig", () => {
  it("uses PostgreSQL with the default pool when DATABASE_URL is set", () => {
    expect(readDbConfig({ DATABASE_URL: ` ${PG_URL} ` })).toEqual({ mode: "postgresql", url: PG_URL, poolSize: DEFAULT_POOL_SIZE });
    expect(readDbConfig({ DATABASE_URL: PG_URL, DB_POOL_SIZE: " " })).toMatchObject({ poolSize: DEFAULT_POOL_SIZE });
  });

  it("takes DB_POOL_SIZE from 2 up", () => {
    expect(readDbConfig({ DATABASE_URL: PG_URL, DB_POOL_SIZE: "2" })).toMatchObject({ mode: "postgresql", poolSize: 2 });
    expect(readDbConfig({ DATABASE_URL: PG_URL, DB_POOL_SIZE: "25" })).toMatchObject({ poolSize: 25 });
  });

  it("refuses a PostgreSQL pool too small for start-up's lock, or not a whole number", () => {
    for (const size of ["1", "0", "-3", "2.5", "ten"]) {
      expect(() => readDbConfig({ DATABASE_URL: PG_URL, DB_POOL_SIZE: size }), size).toThrow(/DB_POOL_SIZE must be a whole number of at least 2 with PostgreSQL/);
    }
  });

  it("ignores DB_POOL_SIZE for the embedded PGlite, which has one connection", () => {
    expect(readDbConfig({ PGLITE_DIR: "/tmp/ff", DB_POOL_SIZE: "1" })).toEqual({ mode: "pglite", dataDir: "/tmp/ff" });
  });
});
