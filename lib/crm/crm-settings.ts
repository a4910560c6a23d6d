import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { parseInput } from "../errors/parse-input";

/** Days since the last contact at which a customer turns amber, orange and red (the sales lead sets them). */
export type ContactThresholds = { warn: number; alert: number; cold: number };
const DEFAULT_THRESHOLDS: ContactThresholds = { warn: 30, alert: 60, cold: 90 };
const KEY = "contact_thresholds";

const thresholdsInput = z
  .object({ warn: z.coerce.number().int().min(1).max(3650), alert: z.coerce.number().int().min(1).max(3650), cold: z.coerce.number().int().min(1).max(3650) })
  .refine((t) => t.warn < t.alert && t.alert < t.cold, { message: "validation.thresholds_order", path: ["alert"] });

export async function contactThresholds(db: Db | Tx): Promise<ContactThresholds> {
  const row = await db.crmSetting.findUnique({ where: { key: KEY } });
  const parsed = thresholdsInput.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_THRESHOLDS;
}

/** The sales lead's thresholds (customer.assign), audited with the previous ones. */
export async function setContactThresholds(db: Db, who: Actor | null, raw: unknown): Promise<ContactThresholds> {
  const actor = requirePermission(who, "customer.assign");
  const value = parseInput(thresholdsInput, raw);
  return db.$transaction(async (tx) => {
    const before = await contactThresholds(tx);
    await tx.crmSetting.upsert({ where: { key: KEY }, create: { key: KEY, value, updatedById: actor.id }, update: { value, updatedById: actor.id } });
    await writeAudit(tx, actor, { action: "crm.thresholds", entity: "CrmSetting", entityId: KEY, before, after: value });
    return value;
  });
}

/** How a number of days since the last contact reads against the thresholds. */
export function contactTone(days: number, t: ContactThresholds): "ok" | "warn" | "alert" | "cold" {
  return days >= t.cold ? "cold" : days >= t.alert ? "alert" : days >= t.warn ? "warn" : "ok";
}
