import "server-only";
import type { Actor } from "../auth/actor";

type StoredContext = { processes?: { id: string; behaviour?: { candidateStarterGroups?: unknown; uniqueBusinessKey?: unknown } }[] };

/**
 * How a process may be started, as its BPMN declares it on the process element:
 * ff:candidateStarterGroups="*" (every employee) or "purchasing,quality" (members of
 * those groups); absent, only the system starts it (ERP events, domain jobs, the
 * API token). ff:uniqueBusinessKey="true": a business key serves one instance only.
 */
export type StartPolicy = { starters: "everyone" | readonly string[]; uniqueBusinessKey: boolean };

export function startPolicy(context: unknown): StartPolicy {
  const behaviour = ((context ?? {}) as StoredContext).processes?.[0]?.behaviour ?? {};
  const raw = typeof behaviour.candidateStarterGroups === "string" ? behaviour.candidateStarterGroups : "";
  const groups = raw.split(",").map((g) => g.trim()).filter(Boolean);
  return {
    starters: groups.includes("*") ? "everyone" : groups,
    uniqueBusinessKey: behaviour.uniqueBusinessKey === true || behaviour.uniqueBusinessKey === "true",
  };
}

/** The one rule for starting by hand: the system always, an employee as the process declares, a supplier never. */
export function mayStart(actor: Actor, policy: StartPolicy): boolean {
  if (actor.realm === "system") return true;
  if (actor.realm !== "employee") return false;
  return policy.starters === "everyone" || policy.starters.some((g) => actor.groups.includes(g));
}
