import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";

export type SubstitutionRow = {
  id: string;
  otherName: string;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
  state: "current" | "upcoming" | "past" | "cancelled";
};

function stateOf(s: { active: boolean; startsAt: Date; endsAt: Date }, at: Date): SubstitutionRow["state"] {
  if (!s.active) return "cancelled";
  if (s.endsAt <= at) return "past";
  return s.startsAt <= at ? "current" : "upcoming";
}

/** Substitutes the actor named (latest first) and the people the actor currently stands in for. */
export async function listSubstitutions(db: Db, who: Actor) {
  const actor = requireEmployee(who);
  const at = now();
  const [mine, covering] = await Promise.all([
    db.substitution.findMany({ where: { employeeId: actor.id }, orderBy: [{ startsAt: "desc" }, { createdAt: "desc" }], take: 50 }),
    db.substitution.findMany({ where: { substituteId: actor.id, active: true, endsAt: { gt: at } }, orderBy: { startsAt: "asc" }, take: 50 }),
  ]);
  const ids = [...new Set([...mine.map((s) => s.substituteId), ...covering.map((s) => s.employeeId)])];
  const names = new Map((await db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  const row = (s: (typeof mine)[number], other: string): SubstitutionRow => ({
    id: s.id,
    otherName: names.get(other) ?? "—",
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    reason: s.reason,
    state: stateOf(s, at),
  });
  return { mine: mine.map((s) => row(s, s.substituteId)), covering: covering.map((s) => row(s, s.employeeId)) };
}
