import "server-only";
import { Readable } from "node:stream";
import type { Actor, SupplierActor } from "../auth/actor";
import { loadEmployeeActor, loadSupplierActor } from "../auth/load-actor";
import type { Db } from "../db/client";
import { uploadFile } from "../files/upload-file";
import { factoryDay } from "../srm/certificates/certificate-dates";
import { now } from "../workflow/clock";
import { completeTask } from "../workflow/complete-task";
import { runDueJobs } from "../workflow/jobs/worker";

const DAY_MS = 864e5;

/** The factory day n days from now (YYYY-MM-DD), so the showcase stays current whenever it is seeded. */
export const dayIn = (n: number) => factoryDay(new Date(now().getTime() + n * DAY_MS));

export async function employeeActor(db: Db, username: string) {
  const e = await db.employee.findUniqueOrThrow({ where: { username } });
  const actor = await loadEmployeeActor(e.id, db);
  if (!actor) throw new Error(`showcase: employee ${username} is inactive`);
  return actor;
}

export async function portalActor(db: Db, username: string) {
  const u = await db.supplierUser.findUniqueOrThrow({ where: { username } });
  const actor = await loadSupplierActor(u.id, db);
  if (!actor) throw new Error(`showcase: portal user ${username} is inactive`);
  return actor;
}

/**
 * Runs the jobs that are due (service tasks, ERP writes, flow starts) until none is left,
 * as the job worker would; timers and reminders due later stay queued.
 */
export async function settle(db: Db) {
  for (let i = 0; i < 20; i++) {
    if (!(await runDueJobs(db, { workerId: "demo-showcase", at: new Date(now().getTime() + 60_000) }))) return;
  }
}

/** The instance's open task at `elementId`. */
async function openTask(db: Db, instanceId: string, elementId: string) {
  const task = await db.task.findFirst({ where: { instanceId, elementId, status: "open" }, orderBy: { createdAt: "desc" } });
  if (!task) throw new Error(`showcase: no open task ${elementId} on instance ${instanceId}`);
  return task;
}

/** Completes the instance's open task at `elementId` and lets the flow run on to its next wait. */
export async function complete(db: Db, actor: Actor, instanceId: string, elementId: string, data: Record<string, unknown>) {
  await completeTask(db, actor, { taskId: (await openTask(db, instanceId, elementId)).id, data });
  await settle(db);
}

/** A one-page PDF, as a scanned certificate would be uploaded. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

/** Uploads a document's scan on the supplier, as the portal's upload does. */
export async function uploadScan(db: Db, actor: SupplierActor, fileName: string) {
  return uploadFile(db, actor, { ownerType: "Supplier", ownerId: actor.supplierId, fileName, body: Readable.from([PDF]) });
}
