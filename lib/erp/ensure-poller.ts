import "server-only";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";
import { ERP_POLL_JOB } from "./job-names";

const POLL_KEY = "erp.poll";

/**
 * One pending poll job while an external ERP is configured (the built-in connector has
 * no events to poll). Called at boot and after the connection is saved; safe to call
 * from every instance, any number of times.
 */
export async function ensureErpPoller(db: Db) {
  // Read here, not through connection.ts, which calls this after saving.
  const conn = await db.erpConnection.findUnique({ where: { id: "default" }, select: { kind: true } });
  if (!conn || conn.kind === "builtin") return;
  await db.job.createMany({ data: [{ kind: ERP_POLL_JOB, idempotencyKey: POLL_KEY, payload: {}, runAt: now() }], skipDuplicates: true });
  // A poller that ended (switched to built-in earlier, or failed long ago) is revived.
  await db.job.updateMany({ where: { idempotencyKey: POLL_KEY, status: { in: ["failed", "done"] } }, data: { status: "pending", runAt: now(), attempts: 0, lastError: null, lockedBy: null, lockedUntil: null } });
}
