import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { parseInput } from "../../errors/parse-input";
import { customerNameFields } from "../../names/customer-name-fields";
import { insertNotifications } from "../../workflow/step-sql";
import { assignLead } from "./assign-lead";
import { classifyLeadSource } from "./classify-lead-source";
import { leadInput, type LeadInput } from "./lead.schema";

/** The next lead number (LD000001). */
async function nextLeadCode(tx: Tx): Promise<string> {
  const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"Lead_code_seq"') AS n`;
  return `LD${String(n).padStart(6, "0")}`;
}

/**
 * New leads (CRM-3) inside the caller's transaction, for the manual entry and the
 * importer alike: each row is validated, its source classified and its owner chosen by
 * the rules (or left in the pool), then written with its audit row; a new owner other
 * than the one entering it finds the lead in the notification inbox.
 */
export async function createLeads(tx: Tx, who: Actor | null, rows: readonly LeadInput[]) {
  const actor = requirePermission(who, "crm.view");
  const inputs = rows.map((r) => parseInput(leadInput, r));
  const [sourceRules, assignmentRules] = await Promise.all([
    tx.leadSourceRule.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    tx.leadAssignmentRule.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
  ]);
  const created = [];
  for (const input of inputs) {
    const { source, ruleId } = classifyLeadSource(sourceRules, input);
    const assigned = await assignLead(tx, assignmentRules, input);
    const lead = await tx.lead.create({
      data: { ...input, code: await nextLeadCode(tx), ...customerNameFields(input.companyName), source, sourceRuleId: ruleId, ownerId: assigned.ownerId, teamId: assigned.teamId, createdById: actor.id },
      select: { id: true, code: true, companyName: true, source: true, status: true, ownerId: true, teamId: true },
    });
    await writeAudit(tx, actor, { action: "lead.create", entity: "Lead", entityId: lead.id, after: { ...lead, sourceRuleId: ruleId, assignmentRuleId: assigned.ruleId } });
    if (lead.ownerId && lead.ownerId !== actor.id) {
      await insertNotifications(tx, [{ recipientRealm: "employee", recipientId: lead.ownerId, kind: "lead.assigned", title: `新线索 ${lead.code}：${lead.companyName}`, link: `/crm/leads/${lead.id}` }]);
    }
    created.push(lead);
  }
  return created;
}

/** One lead entered by hand (/crm/leads/new). */
export async function createLead(db: Db, who: Actor | null, raw: LeadInput) {
  requirePermission(who, "crm.view");
  parseInput(leadInput, raw);
  const [lead] = await db.$transaction((tx) => createLeads(tx, who, [raw]));
  return lead;
}
