import { z } from "zod";

/** The profile fields a merge lets the user choose side by side (the owner brings the team along). */
export const MERGE_FIELDS = ["name", "creditCode", "industry", "region", "level", "tags", "ownerId", "address", "contactName", "contactPhone"] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const MERGE_SIDES = ["survivor", "other"] as const;
export type MergeSide = (typeof MERGE_SIDES)[number];

const id = z.string().trim().max(40);

/**
 * A confirmed merge: the customer that stays, the one merged into it, which side each
 * field comes from (a missing field: the default, the survivor's when not empty), and
 * when each was last changed as the preview showed them (a later change refuses).
 */
export const mergeInput = z.object({
  survivorId: id,
  otherId: id,
  choices: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(MERGE_SIDES)).default({}),
  seen: z.object({ survivor: z.coerce.date(), other: z.coerce.date() }),
});
export type MergeInput = z.input<typeof mergeInput>;
