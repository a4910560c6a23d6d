import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { workableLead } from "./lead-scope";

const disqualifyInput = z.object({ reason: z.string().trim().min(1, "validation.reason_required").max(500) });

/**
 * An open lead disqualified (作废) by its owner or their sales lead, with the reason
 * (required, kept on the lead and in the audit row). A converted lead stays converted.
 */
export async function disqualifyLead(db: Db, who: Actor | null, id: string, raw: unknown) {
  const actor = requirePermission(who, "crm.view");
  const { reason } = parseInput(disqualifyInput, raw);
  const lead = await workableLead(db, actor, id, { id: true });
  await db.$transaction(async (tx) => {
    // Checked again in the update: a conversion that committed meanwhile wins.
    const { count } = await tx.lead.updateMany({ where: { id: lead.id, status: { in: ["new", "working"] } }, data: { status: "disqualified", disqualifyReason: reason } });
    if (!count) throw new AppError("lead_closed");
    await writeAudit(tx, actor, { action: "lead.disqualify", entity: "Lead", entityId: lead.id, before: { status: lead.status }, after: { status: "disqualified", reason } });
  });
  return { id: lead.id };
}
