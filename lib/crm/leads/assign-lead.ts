import "server-only";
import type { Tx } from "../../db/client";
import { patternWords } from "./lead.schema";

export type AssignmentRule = { id: string; position: number; kind: string; pattern: string; ownerId: string | null; teamId: string | null };
type LeadPlace = { region?: string | null; industry?: string | null };
export type Assignment = { ownerId: string | null; teamId: string | null; ruleId: string | null };

function ruleMatches(rule: AssignmentRule, lead: LeadPlace): boolean {
  if (rule.kind === "any") return true;
  const value = (rule.kind === "region" ? lead.region : rule.kind === "industry" ? lead.industry : null)?.toLowerCase();
  return !!value && patternWords(rule.pattern).some((w) => value.includes(w));
}

/** The active sales reps of one team, in a stable order (the round robin's). */
function teamReps(tx: Tx, teamId: string) {
  return tx.employee.findMany({ where: { departmentId: teamId, active: true, roles: { some: { role: { key: "sales" } } } }, orderBy: { username: "asc" }, select: { id: true } });
}

/**
 * Who gets a new lead (CRM-3), by the ordered assignment rules, the first that matches
 * deciding: a named person (with their team), or the next rep of a team in turn. The turn
 * is the rule's counter row, incremented in the creating transaction, so concurrent
 * creates queue on that row and the team's reps get leads evenly. A team without reps
 * keeps the lead in its pool; no matching rule leaves it in the company pool.
 */
export async function assignLead(tx: Tx, rules: readonly AssignmentRule[], lead: LeadPlace): Promise<Assignment> {
  for (const rule of [...rules].sort((a, b) => a.position - b.position)) {
    if (!ruleMatches(rule, lead)) continue;
    if (rule.ownerId) {
      const owner = await tx.employee.findFirst({ where: { id: rule.ownerId, active: true }, select: { id: true, departmentId: true } });
      if (owner) return { ownerId: owner.id, teamId: owner.departmentId, ruleId: rule.id };
      continue;
    }
    if (!rule.teamId) continue;
    const reps = await teamReps(tx, rule.teamId);
    if (!reps.length) return { ownerId: null, teamId: rule.teamId, ruleId: rule.id };
    const [{ turns }] = await tx.$queryRaw<{ turns: number }[]>`UPDATE "LeadAssignmentRule" SET "turns" = "turns" + 1 WHERE "id" = ${rule.id} RETURNING "turns"`;
    return { ownerId: reps[(Number(turns) - 1) % reps.length].id, teamId: rule.teamId, ruleId: rule.id };
  }
  return { ownerId: null, teamId: null, ruleId: null };
}
