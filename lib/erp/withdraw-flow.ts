import "server-only";
import { SYSTEM } from "../auth/actor";
import type { Tx } from "../db/client";
import { cancelInstanceIn } from "../workflow/cancel-instance";

/** Cancels the record's running flows, as the system (also one started but not linked yet before a crash). */
export async function withdrawFlow(tx: Tx, record: { type: string; id: string }, reason: string) {
  const running = await tx.processInstance.findMany({ where: { recordType: record.type, recordId: record.id, status: { in: ["running", "incident"] } }, select: { id: true } });
  for (const inst of running) await cancelInstanceIn(tx, SYSTEM, { id: inst.id, reason });
}
