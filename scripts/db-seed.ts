// `npm run db:seed`: migrates and seeds the configured database (DATABASE_URL or
// the PGlite folder). Run it while the app is stopped when using PGlite.
import { openDb } from "../lib/db/client";
import { seedDemo } from "../lib/demo/seed";
import { installDomainModules } from "../lib/server/domain-modules";

installDomainModules();
const t0 = Date.now();
const opened = await openDb();
try {
  if (opened.appliedMigrations.length) console.log("applied migrations:", opened.appliedMigrations.join(", "));
  await seedDemo(opened.db, (m) => console.log("seeded", m));
  console.log(`seed done on ${opened.config.mode} in ${Date.now() - t0} ms`);
} finally {
  await opened.close();
}
