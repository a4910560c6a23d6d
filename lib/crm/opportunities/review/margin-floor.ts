import "server-only";
import { z } from "zod";
import type { Actor } from "../../../auth/actor";
import { requirePermission } from "../../../auth/permissions";
import { writeAudit } from "../../../audit/write-audit";
import type { Db, Tx } from "../../../db/client";
import { parseInput } from "../../../errors/parse-input";

/** The lowest gross margin (percent of the net amount) a commercial review may approve. */
const KEY = "review_margin_floor";
const DEFAULT_FLOOR = 15;

const floorInput = z.object({ floorPct: z.coerce.number().min(0, "validation.number_out_of_range").max(100, "validation.number_out_of_range") });

export async function marginFloor(db: Db | Tx): Promise<number> {
  const row = await db.crmSetting.findUnique({ where: { key: KEY } });
  const parsed = floorInput.safeParse(row?.value);
  return parsed.success ? parsed.data.floorPct : DEFAULT_FLOOR;
}

/** An administrator's change of the floor, audited with the previous one; running reviews keep the floor they started with. */
export async function setMarginFloor(db: Db, who: Actor | null, raw: unknown): Promise<number> {
  const actor = requirePermission(who, "opportunity.review_settings");
  const value = parseInput(floorInput, raw);
  return db.$transaction(async (tx) => {
    const before = await marginFloor(tx);
    await tx.crmSetting.upsert({ where: { key: KEY }, create: { key: KEY, value, updatedById: actor.id }, update: { value, updatedById: actor.id } });
    await writeAudit(tx, actor, { action: "crm.margin_floor", entity: "CrmSetting", entityId: KEY, before: { floorPct: before }, after: value });
    return value.floorPct;
  });
}
