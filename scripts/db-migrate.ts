// `npm run db:migrate -- --name <x>`: writes prisma/migrations/<timestamp>_<x>/migration.sql
// offline, by diffing a fresh in-memory PGlite (the shadow database, migrated to the
// current history) against prisma/schema.prisma.
import fs from "node:fs";
import path from "node:path";
import { openAdapter } from "../lib/db/adapter";
import { diffAgainstMigrations, readMigrations } from "../lib/db/migrate";

function argName(): string {
  const i = process.argv.indexOf("--name");
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  if (!raw || !/^[a-z0-9_]+$/i.test(raw)) {
    console.error("usage: npm run db:migrate -- --name <letters_digits_underscores>");
    process.exit(2);
  }
  return raw;
}

const name = argName();
const shadow = await openAdapter({ mode: "pglite", dataDir: "memory://" });
try {
  const sql = await diffAgainstMigrations(shadow.factory);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma matches the migrations: nothing to create");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(readMigrations().baseDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(readMigrations().baseDir, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
    console.log(`created ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await shadow.close();
}
