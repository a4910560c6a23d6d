import "server-only";
import { z } from "zod";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { pageWindow } from "../paging/page-window";
import { parseInput } from "../errors/parse-input";

const AUDIT_PAGE_SIZE = 25;

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const auditQuery = z.object({
  entity: z.string().trim().max(60).catch(""),
  action: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditQuery = z.infer<typeof auditQuery>;

/** Reads the viewer state from URL search params (entity, action, page); bad values fall back. */
export function parseAuditQuery(params: SearchParams): AuditQuery {
  return parseInput(auditQuery, { entity: one(params.entity) ?? "", action: one(params.action) ?? "", page: one(params.page) });
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** The audit log, newest first, one page at a time, with the filter choices. */
export async function listAudit(db: Db, actor: EmployeeActor, query: AuditQuery, pageSize = AUDIT_PAGE_SIZE) {
  requirePermission(actor, "audit.view");
  const where: Prisma.AuditLogWhereInput = {
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.action ? { action: query.action } : {}),
  };
  const [total, entities, actions] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
    db.auditLog.findMany({
      where: query.entity ? { entity: query.entity } : {},
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
    }),
  ]);
  const { page, pageCount, skip, take } = pageWindow(total, query.page, pageSize);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip,
    take,
  });
  const ids = (realm: string) => [...new Set(rows.filter((r) => r.actorRealm === realm && r.actorId).map((r) => r.actorId!))];
  const [employees, supplierUsers] = await Promise.all([
    db.employee.findMany({ where: { id: { in: ids("employee") } }, select: { id: true, name: true, username: true } }),
    db.supplierUser.findMany({ where: { id: { in: ids("supplier") } }, select: { id: true, name: true, username: true } }),
  ]);
  const names = new Map([...employees, ...supplierUsers].map((p) => [p.id, `${p.name} (${p.username})`]));
  return {
    rows: rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null })),
    total,
    page,
    pageCount,
    entities: entities.map((e) => e.entity),
    actions: actions.map((a) => a.action),
  };
}
