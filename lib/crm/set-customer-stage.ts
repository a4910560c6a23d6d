import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { enqueueErpWrite } from "../erp/outbox";
import { customerPartyWrite } from "./customer-erp-write";
import { assertMayEditCustomer, visibleCustomer } from "./customer-scope";

const stageInput = z.object({
  stage: z.enum(["prospect", "customer", "inactive"], { error: "validation.invalid_option" }),
  /** Why a customer is set inactive (kept in the audit row). */
  reason: z.string().trim().max(500).optional(),
});

/** prospect -> customer of record (or dropped), customer of record <-> inactive. A customer of record never goes back to prospect. */
const ALLOWED: Record<string, string[]> = { prospect: ["customer", "inactive"], customer: ["inactive"], inactive: ["customer"] };
const NAMES: Record<string, [string, string]> = { prospect: ["潜在客户", "prospect"], customer: ["正式客户", "customer of record"], inactive: ["已停用", "inactive"] };

/**
 * A customer's stage set by whoever may edit it (CRM-2). Becoming a customer of record
 * (also again, from inactive) queues its write to the ERP as a party in the same
 * transaction as the change and its audit row; the outbox job writes it exactly once
 * and records the ERP's id on the customer. Setting inactive needs a reason.
 */
export async function setCustomerStage(db: Db, who: Actor | null, id: string, raw: unknown) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(stageInput, raw);
  const current = await visibleCustomer(db, actor, id, { id: true, stage: true, ownerId: true, teamId: true, updatedAt: true });
  await assertMayEditCustomer(db, actor, current);
  if (!ALLOWED[current.stage]?.includes(input.stage)) {
    const [fromZh, fromEn] = NAMES[current.stage];
    const [toZh, toEn] = NAMES[input.stage];
    throw new AppError("customer_stage_invalid", { params: { fromZh, fromEn, toZh, toEn } });
  }
  if (input.stage === "inactive" && !input.reason) throw new AppError("validation", { fieldErrors: { reason: "validation.required" } });
  return db.$transaction(async (tx) => {
    // Only from the stage read above: a concurrent change makes this one a conflict, not a lost update.
    const { count } = await tx.customer.updateMany({ where: { id, stage: current.stage }, data: { stage: input.stage } });
    if (!count) throw new AppError("conflict");
    const after = await tx.customer.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, actor, { action: "customer.stage", entity: "Customer", entityId: id, before: { stage: current.stage }, after: { stage: input.stage, ...(input.reason ? { reason: input.reason } : {}) } });
    if (input.stage === "customer") await enqueueErpWrite(tx, customerPartyWrite(after, `customer:${id}:record:${after.updatedAt.toISOString()}`));
    return { id, stage: input.stage };
  });
}
