import "server-only";
import { logger } from "../log/logger";
import { getOpenDb } from "./client";
import { seedDemo } from "./seed";

/** Opens (and migrates) the database; seeds the demo unless SEED_DEMO=0. */
export async function bootServer() {
  const t0 = Date.now();
  const opened = await getOpenDb();
  if (opened.appliedMigrations.length) logger.info({ migrations: opened.appliedMigrations }, "applied migrations");
  if (process.env.SEED_DEMO !== "0") {
    try {
      await seedDemo(opened.db);
    } catch (err) {
      // Two instances starting together on one PostgreSQL may race on the same
      // demo rows; the seed is idempotent, so one more pass settles it.
      logger.warn({ err }, "demo seed failed once, retrying");
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1000));
      await seedDemo(opened.db);
    }
  }
  logger.info({ mode: opened.config.mode, ms: Date.now() - t0 }, "database ready");
}
