import { z } from "zod";
import { FORM_KEY } from "../../workflow/form-store";

/** A designed form is a few KB; 500 000 characters leave room for long option lists. */
const MAX_FORM_CHARS = 500_000;

const formKey = z.string().trim().regex(FORM_KEY, "forms.designer.keyFormat");
const titleZh = z.string().trim().min(1, "validation.required").max(100, "validation.too_big");
/** Blank: the Chinese title serves (lib/workflow/form-store.ts does the same). */
const titleEn = z.string().trim().max(100, "validation.too_big").default("");

/** A form-js schema as the designer sends it: the root object; what it contains is checked by compiling it. */
const formSchema = z
  .object({ type: z.literal("default", "forms.designer.notAForm"), components: z.array(z.unknown(), "forms.designer.notAForm") }, "forms.designer.notAForm")
  .passthrough()
  .refine((s) => JSON.stringify(s).length <= MAX_FORM_CHARS, "validation.too_big");

/** The designer's working copy; `isNew`: opened as a new form, so the key must not be in use yet. */
export const formDraftInput = z.object({ key: formKey, titleZh, titleEn, schema: formSchema, isNew: z.boolean() });
export type FormDraftInput = z.infer<typeof formDraftInput>;

/** A .form file as text; its titles (the shipped files carry them) win over the designer's. */
export const importFormInput = z.object({
  key: formKey,
  titleZh,
  titleEn,
  isNew: z.boolean(),
  text: z.string().max(MAX_FORM_CHARS, "validation.too_big"),
});
export type ImportFormInput = z.infer<typeof importFormInput>;

export const formKeyInput = z.object({ key: formKey });
export const formVersionInput = z.object({ key: formKey, version: z.number().int().min(1).max(1_000_000) });
export const formDiffInput = z.object({ key: formKey, from: z.number().int().min(1).max(1_000_000), to: z.number().int().min(1).max(1_000_000) });
