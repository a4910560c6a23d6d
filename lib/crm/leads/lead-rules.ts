import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { assignmentRuleInput, sourceRuleInput } from "./lead.schema";

const STALE_DAYS_KEY = "lead_stale_days";
const DEFAULT_STALE_DAYS = 3;
const staleDaysInput = z.object({ days: z.coerce.number().int().min(1).max(365) });

/** Days without work after which an open lead's owner is reminded (CrmSetting, default 3). */
export async function leadStaleDays(db: Db | Tx): Promise<number> {
  const row = await db.crmSetting.findUnique({ where: { key: STALE_DAYS_KEY } });
  const parsed = staleDaysInput.safeParse(row?.value);
  return parsed.success ? parsed.data.days : DEFAULT_STALE_DAYS;
}

/** Both rule lists in their order, with the people and teams they name. */
export async function listLeadRules(db: Db, who: Actor | null) {
  requirePermission(who, "lead.rules");
  const [sources, assignments, staleDays] = await Promise.all([
    db.leadSourceRule.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    db.leadAssignmentRule.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    leadStaleDays(db),
  ]);
  const [people, teams] = await Promise.all([
    db.employee.findMany({ where: { id: { in: assignments.map((a) => a.ownerId).filter((x): x is string => !!x) } }, select: { id: true, name: true } }),
    db.department.findMany({ where: { id: { in: assignments.map((a) => a.teamId).filter((x): x is string => !!x) } }, select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  const person = new Map(people.map((p) => [p.id, p.name]));
  const team = new Map(teams.map((t) => [t.id, t]));
  return {
    sources,
    assignments: assignments.map((a) => ({ ...a, ownerName: a.ownerId ? (person.get(a.ownerId) ?? null) : null, team: a.teamId && !a.ownerId ? (team.get(a.teamId) ?? null) : null })),
    staleDays,
  };
}

/** A source classification rule added at its position (lead.rules), audited. */
export async function addSourceRule(db: Db, who: Actor | null, raw: unknown) {
  const actor = requirePermission(who, "lead.rules");
  const data = parseInput(sourceRuleInput, raw);
  return db.$transaction(async (tx) => {
    const rule = await tx.leadSourceRule.create({ data, select: { id: true } });
    await writeAudit(tx, actor, { action: "lead.source_rule_add", entity: "LeadSourceRule", entityId: rule.id, after: data });
    return rule;
  });
}

/** An assignment rule added at its position: to one active sales person, or round robin among a team's reps. */
export async function addAssignmentRule(db: Db, who: Actor | null, raw: unknown) {
  const actor = requirePermission(who, "lead.rules");
  const { target, ...rest } = parseInput(assignmentRuleInput, raw);
  const [kind, id] = target.split(":");
  const exists = kind === "employee" ? await db.employee.count({ where: { id, active: true } }) : await db.department.count({ where: { id, active: true } });
  if (!exists) throw new AppError("validation", { fieldErrors: { target: "validation.pick_from_list" } });
  const data = { ...rest, pattern: rest.kind === "any" ? "" : rest.pattern, ownerId: kind === "employee" ? id : null, teamId: kind === "team" ? id : null };
  return db.$transaction(async (tx) => {
    const rule = await tx.leadAssignmentRule.create({ data, select: { id: true } });
    await writeAudit(tx, actor, { action: "lead.assignment_rule_add", entity: "LeadAssignmentRule", entityId: rule.id, after: data });
    return rule;
  });
}

/** A rule of either list removed, with what it was in the audit row. */
export async function deleteLeadRule(db: Db, who: Actor | null, list: "source" | "assignment", id: string) {
  const actor = requirePermission(who, "lead.rules");
  await db.$transaction(async (tx) => {
    const before = list === "source" ? await tx.leadSourceRule.findUnique({ where: { id } }) : await tx.leadAssignmentRule.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found");
    if (list === "source") await tx.leadSourceRule.delete({ where: { id } });
    else await tx.leadAssignmentRule.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "lead.rule_delete", entity: list === "source" ? "LeadSourceRule" : "LeadAssignmentRule", entityId: id, before });
  });
}

/** The stale-lead reminder's days (lead.rules), audited with the previous value. */
export async function setLeadStaleDays(db: Db, who: Actor | null, raw: unknown) {
  const actor = requirePermission(who, "lead.rules");
  const value = parseInput(staleDaysInput, raw);
  return db.$transaction(async (tx) => {
    const before = await leadStaleDays(tx);
    await tx.crmSetting.upsert({ where: { key: STALE_DAYS_KEY }, create: { key: STALE_DAYS_KEY, value, updatedById: actor.id }, update: { value, updatedById: actor.id } });
    await writeAudit(tx, actor, { action: "lead.stale_days", entity: "CrmSetting", entityId: STALE_DAYS_KEY, before: { days: before }, after: value });
    return value.days;
  });
}

/** Whom an assignment rule may name: active sales people, and the teams they work in. */
export async function leadRuleTargets(db: Db, who: Actor | null) {
  requirePermission(who, "lead.rules");
  const people = await db.employee.findMany({
    where: { active: true, roles: { some: { role: { key: { in: ["sales", "sales_lead"] } } } } },
    orderBy: { username: "asc" },
    select: { id: true, name: true, department: { select: { id: true, nameZh: true, nameEn: true } } },
  });
  const teams = new Map(people.flatMap((p) => (p.department ? [[p.department.id, p.department] as const] : [])));
  return { people: people.map((p) => ({ id: p.id, name: p.name })), teams: [...teams.values()] };
}
