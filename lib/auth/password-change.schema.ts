import { z } from "zod";

/**
 * A user's own password change. Only the shape here: the rules (lib/auth/password-rules.ts)
 * need the username and the current password, so the use-case applies them.
 */
export const passwordChangeInput = z.object({
  currentPassword: z.string().min(1, "validation.required").max(1000, "validation.too_big"),
  newPassword: z.string().min(1, "validation.required").max(1000, "validation.too_big"),
  repeatPassword: z.string().max(1000, "validation.too_big"),
});
