import { z } from "zod";

/** Why a contract or a running review is cancelled: required, kept with the record and in the audit. */
export const cancelReasonSchema = z.object({
  reason: z.string("validation.cancel_reason_required").trim().min(1, "validation.cancel_reason_required").max(500, "validation.too_big"),
});
export type CancelReasonInput = z.input<typeof cancelReasonSchema>;
