import "server-only";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { visibleCustomersWhere } from "./customer-scope";

/** The customer an id stands for now: itself, or the survivor it was merged into (merges re-point earlier ones, so one step is enough). */
export async function currentCustomerId(db: Db | Tx, id: string): Promise<string> {
  const c = /^[0-9a-f-]{36}$/i.test(id) ? await db.customer.findUnique({ where: { id }, select: { mergedIntoId: true } }) : null;
  return c?.mergedIntoId ?? id;
}

/** For the page of a merged customer: the survivor's id when the employee sees it, else null (the page is then not found). */
export async function visibleSurvivorOf(db: Db, who: Actor | null, id: string): Promise<string | null> {
  const survivorId = await currentCustomerId(db, id);
  if (survivorId === id) return null;
  const seen = await db.customer.findFirst({ where: { AND: [{ id: survivorId }, await visibleCustomersWhere(db, who)] }, select: { id: true } });
  return seen?.id ?? null;
}
