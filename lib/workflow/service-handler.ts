import "server-only";
import type { Db } from "../db/client";

export type ServiceContext = {
  db: Db;
  instanceId: string;
  businessKey: string | null;
  elementId: string;
  variables: Record<string, unknown>;
  /** Stable per task execution: pass it to the other system so a retry is not a second write. */
  idempotencyKey: string;
  attempt: number;
};

/**
 * A BPMN service task's implementation, defined in code by a domain module
 * (lib/workflow/registry.ts); a BPMN file can name one (ff:handler), never define it.
 */
export type ServiceHandler = {
  name: string;
  /** Shown in the editor's handler picker. */
  labelZh: string;
  labelEn: string;
  /** Runs after the step committed; returns variables to merge into the instance. */
  run: (ctx: ServiceContext) => Promise<Record<string, unknown> | void>;
  maxAttempts?: number;
};
