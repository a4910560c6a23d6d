import "server-only";
import { logger } from "../log/logger";
import { getOpenDb } from "./client";
import { seedDemo } from "./seed";

/** Opens (and migrates) the database; seeds the demo unless SEED_DEMO=0. */
export async function bootServer() {
  const t0 = Date.now();
  const opened = await getOpenDb();
  if (opened.appliedMigrations.length) logger.info({ migrations: opened.appliedMigrations }, "applied migrations");
  if (process.env.SEED_DEMO !== "0") await seedDemo(opened.db, (m) => logger.debug(`seeded ${m}`));
  logger.info({ mode: opened.config.mode, ms: Date.now() - t0 }, "database ready");
}
