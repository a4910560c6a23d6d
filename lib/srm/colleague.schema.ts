import { z } from "zod";

/** A supplier administrator's input about a colleague; the supplier always comes from the session. */
export const colleagueInput = z.object({
  username: z.string().trim().toLowerCase().min(2, "validation.too_small").max(60, "validation.too_big").regex(/^[a-z0-9._-]+$/, "validation.username_format"),
  name: z.string().trim().min(1, "validation.required").max(100, "validation.too_big"),
  email: z.string().trim().max(200, "validation.too_big").email("validation.invalid_email").nullish().or(z.literal("")).transform((v) => v || null),
});

export const colleagueActiveInput = z.object({ id: z.string().max(100), active: z.boolean() });
export const colleagueAdminInput = z.object({ id: z.string().max(100), isAdmin: z.boolean() });
