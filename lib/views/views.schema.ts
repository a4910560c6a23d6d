import { z } from "zod";

/** Lists that keep saved views: "crm.customers", "crm.opportunities", ... ("inbox" has its own filters). */
const listKey = z.string().trim().regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, "validation.invalid_format").max(60);

export const saveViewInput = z.object({
  listKey,
  name: z.string().trim().min(1, "validation.too_small").max(40, "validation.too_big"),
  /** The list's URL search params ("stage=customer&level=A"); normalised on save. */
  search: z.string().max(2000, "validation.too_big"),
});
export type SaveViewInput = z.input<typeof saveViewInput>;

export const deleteViewInput = z.object({ id: z.string().uuid() });
