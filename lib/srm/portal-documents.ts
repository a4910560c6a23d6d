import "server-only";
import type { Actor } from "../auth/actor";
import { requireSupplierUser } from "../auth/permissions";
import type { Db } from "../db/client";
import { ownerAccessFor } from "../files/owner-access";
import { pageWindow } from "../paging/page-window";
import { PORTAL_PAGE_SIZE, type PortalListQuery } from "./portal-lists.schema";

/** The owners whose files a supplier may have: its own documents and the attachments of its processes. */
const OWNER_TYPES = ["Supplier", "ProcessInstance"];

/**
 * The signed-in supplier's files, newest first (name search): its documents (licences,
 * certificates) and the attachments of the processes that concern it, each with what it
 * belongs to. Rows are the files stored for the session's supplier, and each is checked
 * once more against the owner's access rules before it is shown.
 */
export async function listPortalDocuments(db: Db, who: Actor | null, q: Pick<PortalListQuery, "q" | "page">, pageSize = PORTAL_PAGE_SIZE) {
  const actor = requireSupplierUser(who);
  const where = { supplierId: actor.supplierId, ownerType: { in: OWNER_TYPES }, ...(q.q ? { name: { contains: q.q, mode: "insensitive" as const } } : {}) };
  const total = await db.storedFile.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, pageSize);
  const files = await db.storedFile.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip, take, select: { id: true, name: true, contentType: true, size: true, createdAt: true, ownerType: true, ownerId: true } });
  const readable = [];
  const mayRead = new Map<string, Promise<boolean>>();
  for (const f of files) {
    const key = `${f.ownerType}:${f.ownerId}`;
    if (!mayRead.has(key)) mayRead.set(key, ownerAccessFor(f.ownerType)?.canRead(actor, f.ownerId, db) ?? Promise.resolve(false));
    if (await mayRead.get(key)!) readable.push(f);
  }
  const instanceIds = readable.filter((f) => f.ownerType === "ProcessInstance").map((f) => f.ownerId);
  const instances = instanceIds.length
    ? await db.processInstance.findMany({ where: { id: { in: instanceIds }, supplierId: actor.supplierId }, select: { id: true, businessKey: true, definition: { select: { name: true } } } })
    : [];
  const instanceOf = new Map(instances.map((i) => [i.id, { businessKey: i.businessKey, processName: i.definition.name }]));
  return {
    rows: readable.map(({ ownerId, ...f }) => ({ ...f, process: f.ownerType === "ProcessInstance" ? (instanceOf.get(ownerId) ?? null) : null })),
    total,
    page,
    pageCount,
  };
}

export type PortalDocumentRow = Awaited<ReturnType<typeof listPortalDocuments>>["rows"][number];
