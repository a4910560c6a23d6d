import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { countFollowers } from "./customer-merge-followers";
import { defaultSide, mergePair, type MergeSideRecord } from "./customer-merge-pair";
import { MERGE_FIELDS, type MergeField } from "./customer-merge.schema";

/** A field's value as the preview shows it: the owner by name, tags joined. */
function shown(c: MergeSideRecord, field: MergeField): string {
  if (field === "ownerId") return c.owner?.name ?? "";
  if (field === "tags") return c.tags.join("、");
  return c[field] ?? "";
}

const side = (c: MergeSideRecord) => ({ id: c.id, code: c.code, name: c.name, erp: !!c.erpId, updatedAt: c.updatedAt.toISOString() });

/**
 * What a merge of `otherId` into `survivorId` would do (CRM-2), for a sales lead or an
 * administrator (customer.assign) who may change both: each field side by side with
 * the side that wins unless flipped, and how much moves to the survivor. Refused as the
 * merge itself would refuse it.
 */
export async function previewCustomerMerge(db: Db, who: Actor | null, survivorId: string, otherId: string) {
  const actor = requirePermission(who, "customer.assign");
  const { survivor, other } = await mergePair(db, actor, survivorId, otherId);
  return {
    survivor: side(survivor),
    other: side(other),
    fields: MERGE_FIELDS.map((f) => ({ field: f, survivor: shown(survivor, f), other: shown(other, f), side: defaultSide(survivor, other, f) })),
    counts: await countFollowers(db, other.id, survivor.id),
  };
}

export type MergePreview = Awaited<ReturnType<typeof previewCustomerMerge>>;
