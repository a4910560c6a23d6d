import "server-only";
import { z } from "zod";

export const uploadTarget = z.object({
  ownerType: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, "validation.invalid_format"),
  ownerId: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "validation.invalid_format"),
  fileName: z.string().max(1000).default(""),
});
export type UploadTarget = z.input<typeof uploadTarget>;

export const fileId = z.string().uuid();
