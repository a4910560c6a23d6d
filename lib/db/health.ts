import "server-only";
import { getOpenDb } from "./client";
import { readMigrations } from "./migrate";

/** Database mode and whether every migration in the repository is applied. */
export async function databaseHealth() {
  const opened = await getOpenDb();
  const rows = await opened.db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  const expected = readMigrations().migrationDirectories.map((d) => d.path);
  const pending = expected.filter((m) => !applied.has(m));
  return {
    mode: opened.config.mode,
    migrations: { applied: applied.size, expected: expected.length, pending, latest: expected.at(-1) ?? null },
  };
}
