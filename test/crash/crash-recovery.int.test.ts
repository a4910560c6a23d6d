import { describe, expect, it } from "vitest";
import { postgresAvailable } from "../db";
import { runCrashRecovery, type CrashKind } from "./crash-recovery";

// Starts the production server (building a private copy first when the tree
// changed), kills it with SIGKILL mid-run, restarts it and checks the database.
const kinds: CrashKind[] = (await postgresAvailable()) ? ["postgresql", "pglite"] : ["pglite"];

describe.each(kinds)("crash recovery of the real server on %s", (kind) => {
  it(
    "50 requisitions survive a SIGKILL with every step and every side effect exactly once",
    async () => {
      const r = await runCrashRecovery(kind, { log: (m) => console.log(m) });
      // The kill really hit outstanding work (otherwise this proves nothing).
      expect(r.atKill.pending + r.atKill.running + r.atKill.openReviews).toBeGreaterThan(0);
      expect(r.completedBeforeKill).toBeGreaterThan(0);
      expect(r.problems).toEqual([]);
      expect(r).toMatchObject({ started: 50, instances: 50, completed: 50, incidents: 0, taskCompletedEvents: 50, serviceCompletedEvents: 50, serviceJobs: 50, ledgerRows: 50, ledgerDistinctInstances: 50, ledgerDistinctKeys: 50, jobsLeft: 0 });
    },
    // A cold `next build` of the private copy on two cores can take minutes; a warm run takes well under one.
    600_000,
  );
});
