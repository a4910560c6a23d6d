import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { parseInput } from "../../errors/parse-input";
import { customerNameFields } from "../../names/customer-name-fields";
import { classifyLeadSource } from "./classify-lead-source";
import { leadInput, type LeadInput } from "./lead.schema";
import { workableLead } from "./lead-scope";

const FIELDS = ["companyName", "contactName", "phone", "email", "region", "industry", "channel", "campaignCode", "remark"] as const;
/** What the source rules read: a change to one of these classifies the lead's source again. */
const CLASSIFIED_BY = new Set<string>(["companyName", "channel", "campaignCode", "remark"]);

/**
 * A lead corrected after entry (CRM-3) by whoever may work it, while it is open (a
 * converted or disqualified lead keeps what it was: lead_closed). Only what changed is
 * written, with its before and after in the audit row; a change the source rules read
 * classifies the source again. The owner stays (reassigning is distribution's).
 */
export async function updateLead(db: Db, who: Actor | null, id: string, raw: LeadInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(leadInput, raw);
  const lead = await workableLead(db, actor, id, { id: true, source: true, sourceRuleId: true, companyName: true, contactName: true, phone: true, email: true, region: true, industry: true, channel: true, campaignCode: true, remark: true });
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if ((lead[f] ?? null) !== (input[f] ?? null)) {
      before[f] = lead[f] ?? null;
      after[f] = input[f] ?? null;
    }
  }
  if (!Object.keys(after).length) return { id: lead.id, changed: false };
  await db.$transaction(async (tx) => {
    const data: Record<string, unknown> = { ...after, ...("companyName" in after ? customerNameFields(input.companyName) : {}) };
    if (Object.keys(after).some((f) => CLASSIFIED_BY.has(f))) {
      const rules = await tx.leadSourceRule.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
      const { source, ruleId } = classifyLeadSource(rules, input);
      if (source !== lead.source || ruleId !== lead.sourceRuleId) {
        Object.assign(data, { source, sourceRuleId: ruleId });
        Object.assign(before, { source: lead.source });
        Object.assign(after, { source, sourceRuleId: ruleId });
      }
    }
    await tx.lead.update({ where: { id: lead.id }, data });
    await writeAudit(tx, actor, { action: "lead.update", entity: "Lead", entityId: lead.id, before, after });
  });
  return { id: lead.id, changed: true };
}
