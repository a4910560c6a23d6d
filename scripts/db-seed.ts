// `npm run db:seed`: migrates the configured database (DATABASE_URL or the PGlite folder),
// publishes the shipped processes when new or changed (as the server's start does) and
// seeds the demo, with its showcase unless SEED_SHOWCASE=0. Run it while the app is
// stopped when using PGlite.
import { openDb } from "../lib/db/client";
import { seedDemo } from "../lib/demo/seed";
import { seedShowcase } from "../lib/demo/seed-showcase";
import { installDomainModules } from "../lib/server/domain-modules";
import { syncShippedProcesses } from "../lib/workflow/sync-shipped-processes";

installDomainModules();
const t0 = Date.now();
const opened = await openDb();
try {
  if (opened.appliedMigrations.length) console.log("applied migrations:", opened.appliedMigrations.join(", "));
  const published = await syncShippedProcesses(opened.db);
  if (published.length) console.log("published processes:", published.join(", "));
  await seedDemo(opened.db, (m) => console.log("seeded", m));
  if (process.env.SEED_SHOWCASE !== "0") {
    const t1 = Date.now();
    await seedShowcase(opened.db, (m) => console.log("seeded", m));
    console.log(`showcase done in ${Date.now() - t1} ms`);
  }
  console.log(`seed done on ${opened.config.mode} in ${Date.now() - t0} ms`);
} finally {
  await opened.close();
}
