import "server-only";
import type { Tx } from "../db/client";
import { addIsoDuration } from "./clock";
import type { Wait } from "./engine-api";
import { resolveAttribute } from "./expressions";

export type TaskAttributes = {
  assigneeId: string | null;
  substituteFor: string | null;
  candidateGroups: string[];
  candidateSupplierId: string | null;
  formKey: string | null;
  dueAt: Date | null;
  priority: number;
  title: string;
};

/** An assignee may be written as an employee id or a username. */
async function employeeIdFor(tx: Tx, value: unknown): Promise<string | null> {
  if (typeof value !== "string" || !value) return null;
  const e = await tx.employee.findFirst({ where: { OR: [{ id: /^[0-9a-f-]{36}$/i.test(value) ? value : undefined }, { username: value.toLowerCase() }], active: true }, select: { id: true } });
  return e?.id ?? null;
}

/** While someone is away, a substitute named for that period receives their new tasks. */
async function substituteOf(tx: Tx, employeeId: string, at: Date): Promise<string | null> {
  const s = await tx.substitution.findFirst({ where: { employeeId, active: true, startsAt: { lte: at }, endsAt: { gt: at } }, orderBy: { createdAt: "desc" } });
  return s?.substituteId ?? null;
}

/**
 * Resolves the ff: attributes of a waiting user task against the instance's variables
 * (each may be a ${...} expression). Throws when an expression fails; a task that
 * resolves to nobody at all is the caller's to turn into an incident (unassignable).
 */
export async function resolveTaskAttributes(tx: Tx, wait: Wait, variables: Record<string, unknown>, at: Date): Promise<TaskAttributes> {
  const a = wait.attrs;
  const assigned = await employeeIdFor(tx, resolveAttribute(a.assignee as string | undefined, variables));
  const substitute = assigned ? await substituteOf(tx, assigned, at) : null;
  const groupsRaw = resolveAttribute(a.candidateGroups as string | undefined, variables);
  const groups = (Array.isArray(groupsRaw) ? groupsRaw : String(groupsRaw ?? "").split(",")).map((g) => String(g).trim()).filter(Boolean);
  const supplier = resolveAttribute(a.candidateSupplier as string | undefined, variables);
  const dueRaw = resolveAttribute(a.dueDate as string | undefined, variables);
  let dueAt: Date | null = null;
  if (typeof dueRaw === "string" && dueRaw.startsWith("P")) dueAt = addIsoDuration(at, dueRaw);
  else if (typeof dueRaw === "string" && !Number.isNaN(Date.parse(dueRaw))) dueAt = new Date(dueRaw);
  return {
    assigneeId: substitute ?? assigned,
    substituteFor: substitute ? assigned : null,
    candidateGroups: groups,
    candidateSupplierId: typeof supplier === "string" && supplier ? supplier : null,
    formKey: (a.formKey as string) ?? null,
    dueAt,
    priority: typeof a.priority === "number" ? a.priority : 50,
    title: wait.name,
  };
}
