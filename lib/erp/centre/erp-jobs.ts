import "server-only";
import type { Prisma } from "../../db/generated/client";
import { ERP_WRITE_JOB, POLL_PLANS_JOB, START_DELIVERY_FLOW_JOB, START_ORDER_FLOW_JOB } from "../job-names";

/**
 * The jobs that talk to the ERP or act on its events: the outbox writes (erp.write),
 * the delivery-plan fetch after a confirmation, the flow starts of received orders and
 * plans, and BPMN service tasks whose handler is one of lib/erp's ("erp.*"). Not the
 * recurring poller, which is always pending and never fails.
 */
export const ERP_JOBS: Prisma.JobWhereInput = {
  OR: [
    { kind: { in: [ERP_WRITE_JOB, POLL_PLANS_JOB, START_ORDER_FLOW_JOB, START_DELIVERY_FLOW_JOB] } },
    { kind: "service", payload: { path: ["handler"], string_starts_with: "erp." } },
  ],
};

/** Failed for good (an incident), or still retrying after at least one failed attempt. */
export const TROUBLED: Prisma.JobWhereInput = {
  OR: [{ status: "failed" }, { status: { in: ["pending", "running"] }, lastError: { not: null } }],
};

/** What a job does, for people: the write's operation, else the service handler, else the kind. */
export function jobOperation(kind: string, payload: unknown): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  for (const k of ["operation", "op", "handler"]) if (typeof p[k] === "string" && p[k]) return p[k] as string;
  return kind;
}
