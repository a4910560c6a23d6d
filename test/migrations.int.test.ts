import { describe, expect, it } from "vitest";
import { openAdapter } from "@/lib/db/adapter";
import { diffAgainstMigrations } from "@/lib/db/migrate";

describe("migration history", () => {
  it("matches prisma/schema.prisma (no migration is missing)", async () => {
    const shadow = await openAdapter({ mode: "pglite", dataDir: "memory://" });
    try {
      const sql = (await diffAgainstMigrations(shadow.factory)).trim();
      expect(sql === "" || sql.startsWith("-- This is an empty migration"), sql).toBe(true);
    } finally {
      await shadow.close();
    }
  });
});
