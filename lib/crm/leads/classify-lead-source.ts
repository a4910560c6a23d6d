import { patternWords, type LeadSource } from "./lead.schema";

export type SourceRule = { id: string; position: number; kind: string; pattern: string; source: LeadSource };
type LeadText = { companyName: string; remark?: string | null; channel?: string | null; campaignCode?: string | null };

function matches(rule: SourceRule, lead: LeadText): boolean {
  const words = patternWords(rule.pattern);
  if (rule.kind === "channel") return !!lead.channel && words.includes(lead.channel.trim().toLowerCase());
  if (rule.kind === "campaign") return !!lead.campaignCode && words.some((w) => lead.campaignCode!.trim().toLowerCase().startsWith(w));
  if (rule.kind === "keyword") {
    const text = `${lead.companyName}\n${lead.remark ?? ""}`.toLowerCase();
    return words.some((w) => text.includes(w));
  }
  return false;
}

/**
 * A lead's source (CRM-3) by the administrator's ordered rules, the first that matches
 * winning: a channel named in the rule, a keyword in the company name or remark, or a
 * campaign code starting with the rule's prefix; "other" when none matches. Pure, so the
 * manual entry and the importer classify alike.
 */
export function classifyLeadSource(rules: readonly SourceRule[], lead: LeadText): { source: LeadSource; ruleId: string | null } {
  const rule = [...rules].sort((a, b) => a.position - b.position).find((r) => matches(r, lead));
  return rule ? { source: rule.source, ruleId: rule.id } : { source: "other", ruleId: null };
}
