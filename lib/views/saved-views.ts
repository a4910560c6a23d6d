import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission, type Permission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";

/**
 * The lists that keep saved views (SavedFilter.listKey), with the permission that opens
 * the list and the filter parameters a view may hold: anything else in a saved query is
 * dropped, so a view is only ever a list address.
 */
const LISTS = {
  "crm.opportunities": { permission: "crm.view", keys: ["stage", "owner", "customer", "closeFrom", "closeTo", "q"] },
  "crm.customers": { permission: "crm.view", keys: ["view", "stage", "level", "contact", "owner", "tag", "industry", "region", "category", "q"] },
} as const satisfies Record<string, { permission: Permission; keys: readonly string[] }>;
export type ListKey = keyof typeof LISTS;

const MAX_VIEWS_PER_LIST = 30;

const viewInput = z.object({
  name: z.string().trim().min(1, "validation.required").max(40),
  query: z.record(z.string(), z.unknown()).default({}),
});

const cleanQuery = (listKey: ListKey, query: Record<string, unknown>) =>
  Object.fromEntries((LISTS[listKey].keys as readonly string[]).flatMap((k) => (typeof query[k] === "string" && query[k] !== "" ? [[k, (query[k] as string).slice(0, 100)]] : [])));

/** The employee's own saved views of one list, by name. */
export async function listSavedViews(db: Db, who: Actor | null, listKey: ListKey) {
  const actor = requirePermission(who, LISTS[listKey].permission);
  const rows = await db.savedFilter.findMany({ where: { ownerId: actor.id, listKey }, orderBy: { name: "asc" }, select: { id: true, name: true, query: true } });
  return rows.map((r) => ({ id: r.id, name: r.name, query: cleanQuery(listKey, (r.query ?? {}) as Record<string, unknown>) }));
}
export type SavedView = Awaited<ReturnType<typeof listSavedViews>>[number];

/** Saves the list's current filters under a name (the same name again replaces that view). */
export async function saveView(db: Db, who: Actor | null, listKey: ListKey, raw: z.input<typeof viewInput>) {
  const actor = requirePermission(who, LISTS[listKey].permission);
  const input = parseInput(viewInput, raw);
  const query = cleanQuery(listKey, input.query) as Prisma.InputJsonObject;
  return db.$transaction(async (tx) => {
    const same = await tx.savedFilter.findFirst({ where: { ownerId: actor.id, listKey, name: input.name }, select: { id: true } });
    if (!same && (await tx.savedFilter.count({ where: { ownerId: actor.id, listKey } })) >= MAX_VIEWS_PER_LIST) throw new AppError("validation", { fieldErrors: { name: "validation.too_many_views" } });
    const row = same ? await tx.savedFilter.update({ where: { id: same.id }, data: { query }, select: { id: true, name: true } }) : await tx.savedFilter.create({ data: { ownerId: actor.id, listKey, name: input.name, query }, select: { id: true, name: true } });
    await writeAudit(tx, actor, { action: "view.save", entity: "SavedFilter", entityId: row.id, after: { listKey, name: row.name, query } });
    return row;
  });
}

/** Deletes one of the employee's own views; someone else's is not found. */
export async function deleteView(db: Db, who: Actor | null, listKey: ListKey, id: string) {
  const actor = requirePermission(who, LISTS[listKey].permission);
  return db.$transaction(async (tx) => {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await tx.savedFilter.findFirst({ where: { id, ownerId: actor.id, listKey } }) : null;
    if (!row) throw new AppError("not_found");
    await tx.savedFilter.delete({ where: { id: row.id } });
    await writeAudit(tx, actor, { action: "view.delete", entity: "SavedFilter", entityId: row.id, before: { listKey, name: row.name, query: row.query } });
    return { id: row.id };
  });
}

export const LIST_KEYS = Object.keys(LISTS) as ListKey[];
