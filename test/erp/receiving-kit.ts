// Drives the delivery flow's receiving steps (processes/supplier-delivery.bpmn) in tests:
// the supplier's notice with lots, the count, the inspection, the put-away and the summary.
import type { Db } from "@/lib/db/client";
import { completeTask } from "@/lib/workflow/complete-task";
import type { LotRow } from "@/lib/workflow/forms";
import { employee, openTasks } from "@/test/workflow-fixtures";
import { drainJobs } from "./erp-test-kit";

type Lot = { lotNumber: string; quantity: number };

/** The notice's shippedLots value: per plan line its shipped quantity and lots (one lot "<prefix>-<n>" of everything by default). */
export function notice(lines: Record<string, number | Lot[]>, prefix = "LOT") {
  return Object.fromEntries(
    Object.entries(lines).map(([key, v], i) => {
      const lots = Array.isArray(v) ? v : v > 0 ? [{ lotNumber: `${prefix}-${i + 1}`, quantity: v }] : [];
      return [key, { shipped: lots.reduce((n, l) => n + l.quantity, 0), lots }];
    }),
  );
}

/** The instance's open task, which must be `elementId`. */
export async function theTask(db: Db, instanceId: string, elementId: string) {
  const tasks = await openTasks(db, instanceId);
  const task = tasks.find((x) => x.elementId === elementId);
  if (!task) throw new Error(`expected open task ${elementId}, found ${tasks.map((x) => x.elementId).join(", ") || "none"}`);
  return task;
}

export async function lotRows(db: Db, instanceId: string): Promise<LotRow[]> {
  const inst = await db.processInstance.findUniqueOrThrow({ where: { id: instanceId }, select: { variables: true } });
  return ((inst.variables as Record<string, unknown>).lotRows ?? []) as LotRow[];
}

export type LotOutcome = { counted?: number; rejected?: number; defect?: string; result?: "pass" | "fail" | "concession"; location?: string; bin?: string };

/**
 * Count, inspect, put away and confirm, after the supplier shipped: per lot number what
 * happens (default: counted as shipped, passed, to WH01-STOCK bin A01).
 * Warehouse work by zhaoqiang, inspection by chenjing. postNow: false leaves the ERP posting queued.
 */
export async function receiveLots(db: Db, instanceId: string, outcome: Record<string, LotOutcome> = {}, options: { postNow?: boolean } = {}) {
  const warehouse = await employee(db, "zhaoqiang");
  const quality = await employee(db, "chenjing");
  const of = (r: LotRow) => outcome[r.lotNumber] ?? {};
  let rows = await lotRows(db, instanceId);
  await completeTask(db, warehouse, { taskId: (await theTask(db, instanceId, "pre_receipt")).id, data: { lotCounts: Object.fromEntries(rows.map((r) => [r.key, { counted: of(r).counted ?? r.shipped }])) } });
  await drainJobs(db);
  rows = await lotRows(db, instanceId);
  const inspection = Object.fromEntries(
    rows.map((r) => {
      const rejected = of(r).rejected ?? 0;
      const result = of(r).result ?? (rejected > 0 ? "fail" : "pass");
      return [r.key, { sampled: Math.min(5, r.counted ?? r.shipped), result, rejected, ...(result !== "pass" ? { defect: of(r).defect ?? "other" } : {}) }];
    }),
  );
  await completeTask(db, quality, { taskId: (await theTask(db, instanceId, "quality_inspection")).id, data: { inspection } });
  await drainJobs(db);
  rows = await lotRows(db, instanceId);
  const putAway = Object.fromEntries(rows.filter((r) => (r.accepted ?? 0) > 0).map((r) => [r.key, { location: of(r).location ?? "WH01-STOCK", bin: of(r).bin ?? "WH01-STOCK-A01" }]));
  await completeTask(db, warehouse, { taskId: (await theTask(db, instanceId, "put_away")).id, data: { putAway } });
  await drainJobs(db);
  await completeTask(db, warehouse, { taskId: (await theTask(db, instanceId, "receipt_summary")).id, data: {} });
  // The summary's confirmation queues the ERP posting; a test of that posting runs the job itself.
  if (options.postNow !== false) await drainJobs(db);
  return { warehouse, quality };
}

/** The old receipt form's figures per plan line (accepted, rejected) as one lot each: shipped and counted = accepted + rejected. */
export function asLots(accepted: Record<string, number>, rejected: Record<string, number> = {}) {
  const lines = Object.fromEntries(Object.keys(accepted).map((k) => [k, (accepted[k] ?? 0) + (rejected[k] ?? 0)]));
  const outcome: Record<string, LotOutcome> = {};
  Object.keys(lines).forEach((k, i) => {
    if (rejected[k]) outcome[`LOT-${i + 1}`] = { rejected: rejected[k] };
  });
  return { shippedLots: notice(lines), outcome };
}
