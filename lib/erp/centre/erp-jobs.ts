import "server-only";
import type { Prisma } from "../../db/generated/client";

/**
 * The jobs that talk to the ERP: the outbox writes (kind erp.write) and BPMN
 * service tasks whose handler is one of lib/erp's (handler "erp.*").
 */
export const ERP_JOBS: Prisma.JobWhereInput = {
  OR: [{ kind: "erp.write" }, { kind: "service", payload: { path: ["handler"], string_starts_with: "erp." } }],
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
