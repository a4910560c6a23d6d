import "server-only";
import type { Db } from "../db/client";

/** People by id as an order's pages name them: employees by name, a supplier's people with their company. */
export async function personNames(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const [employees, supplierUsers] = await Promise.all([
    db.employee.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }),
    db.supplierUser.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, supplier: { select: { name: true } } } }),
  ]);
  return new Map([...employees.map((e) => [e.id, e.name] as const), ...supplierUsers.map((u) => [u.id, `${u.name} · ${u.supplier.name}`] as const)]);
}

export type Bilingual = { zh: string; en: string };

/**
 * Whom a task waits for, in words: its person, else its supplier, else its groups
 * (by their names). `d` holds the task's assigneeId, candidateSupplierId, candidateGroups.
 */
export async function waitingForResolver(db: Db, rows: { assigneeId?: unknown; candidateSupplierId?: unknown; candidateGroups?: unknown }[]) {
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  const keys = [...new Set(rows.flatMap((r) => (Array.isArray(r.candidateGroups) ? r.candidateGroups.filter((g): g is string => typeof g === "string") : [])))];
  const supplierIds = [...new Set(rows.map((r) => str(r.candidateSupplierId)).filter((x): x is string => !!x))];
  const [people, groups, suppliers] = await Promise.all([
    personNames(db, rows.map((r) => str(r.assigneeId))),
    keys.length ? db.group.findMany({ where: { key: { in: keys } }, select: { key: true, nameZh: true, nameEn: true } }) : [],
    supplierIds.length ? db.supplier.findMany({ where: { id: { in: supplierIds } }, select: { id: true, name: true } }) : [],
  ]);
  const group = new Map(groups.map((g) => [g.key, g]));
  const supplier = new Map(suppliers.map((s) => [s.id, s.name]));
  return (r: { assigneeId?: unknown; candidateSupplierId?: unknown; candidateGroups?: unknown }): Bilingual | null => {
    const person = people.get(str(r.assigneeId) ?? "");
    if (person) return { zh: person, en: person };
    const company = supplier.get(str(r.candidateSupplierId) ?? "");
    if (company) return { zh: company, en: company };
    const gs = (Array.isArray(r.candidateGroups) ? r.candidateGroups : []).map((k) => group.get(String(k))).filter((g) => !!g);
    return gs.length ? { zh: gs.map((g) => g.nameZh).join("、"), en: gs.map((g) => g.nameEn).join(", ") } : null;
  };
}
