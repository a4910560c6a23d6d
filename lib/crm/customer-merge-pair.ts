import "server-only";
import type { EmployeeActor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { assertMayEditCustomer, visibleCustomersWhere } from "./customer-scope";
import { MERGE_FIELDS, type MergeField, type MergeSide } from "./customer-merge.schema";

const PAIR_SELECT = {
  id: true, code: true, name: true, creditCode: true, industry: true, region: true, level: true, tags: true, ownerId: true, teamId: true, address: true,
  contactName: true, contactPhone: true, erpId: true, taxCode: true, paymentTermCode: true, stage: true, custom: true, lastContactAt: true, mergedIntoId: true, updatedAt: true,
  owner: { select: { name: true } },
} as const;

/** Why a merge is refused: the key of its message in the crmMerge area. */
export type MergeRefusal = "self" | "already_merged" | "erp_both" | "stale";
export const refuse = (why: MergeRefusal) => new AppError(why === "stale" ? "conflict" : "customer_merge_refused", { fieldErrors: { merge: `crmMerge.refusals.${why}` } });

async function load(db: Db | Tx, actor: EmployeeActor, id: string) {
  const where = await visibleCustomersWhere(db, actor, { merged: "included" });
  const c = /^[0-9a-f-]{36}$/i.test(id) ? await db.customer.findFirst({ where: { AND: [{ id }, where] }, select: PAIR_SELECT }) : null;
  if (!c) throw new AppError("not_found");
  return c;
}

export type MergeSideRecord = Awaited<ReturnType<typeof load>>;

/**
 * The two customers of a merge as the employee may merge them, else the refusal: not the
 * same one, both seen by them (not_found otherwise, as if it did not exist), neither merged
 * already, both theirs to change, and not two ERP parties (the ERP keeps its own parties;
 * one merged into the other there first).
 */
export async function mergePair(db: Db | Tx, actor: EmployeeActor, survivorId: string, otherId: string) {
  if (survivorId === otherId) throw refuse("self");
  const [survivor, other] = [await load(db, actor, survivorId), await load(db, actor, otherId)];
  if (survivor.mergedIntoId || other.mergedIntoId) throw refuse("already_merged");
  await assertMayEditCustomer(db, actor, survivor);
  await assertMayEditCustomer(db, actor, other);
  if (survivor.erpId && other.erpId) throw refuse("erp_both");
  return { survivor, other };
}

const empty = (v: unknown) => v == null || v === "" || (Array.isArray(v) && !v.length);

/** The side a field comes from unless the user flips it: the survivor's value when it has one. */
export function defaultSide(survivor: MergeSideRecord, other: MergeSideRecord, field: MergeField): MergeSide {
  return empty(survivor[field]) && !empty(other[field]) ? "other" : "survivor";
}

/** Every field's side: the user's choice, else the default. */
export function chosenSides(survivor: MergeSideRecord, other: MergeSideRecord, choices: Partial<Record<MergeField, MergeSide>>) {
  return Object.fromEntries(MERGE_FIELDS.map((f) => [f, choices[f] ?? defaultSide(survivor, other, f)])) as Record<MergeField, MergeSide>;
}
