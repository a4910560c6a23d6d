import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { parseInput } from "../../errors/parse-input";
import { now } from "../../workflow/clock";
import { workableLead } from "./lead-scope";

const workInput = z.object({ note: z.string().trim().min(1, "validation.required").max(1000) });

/**
 * Work done on an open lead (a call, a mail) noted by its owner or their sales lead: a
 * new lead becomes "working", the stale reminder's clock restarts, the note goes into the
 * lead's history (the audit row).
 */
export async function workLead(db: Db, who: Actor | null, id: string, raw: unknown) {
  const actor = requirePermission(who, "crm.view");
  const { note } = parseInput(workInput, raw);
  const lead = await workableLead(db, actor, id, { id: true });
  await db.$transaction(async (tx) => {
    await tx.lead.update({ where: { id: lead.id }, data: { status: "working", lastWorkedAt: now() } });
    await writeAudit(tx, actor, { action: "lead.work", entity: "Lead", entityId: lead.id, before: { status: lead.status }, after: { status: "working", note } });
  });
  return { id: lead.id };
}
