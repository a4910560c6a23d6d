import { z } from "zod";

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

/** The ERP connection form: shared by the server action and the form resolver. */
export const connectionInput = z
  .object({
    kind: z.enum(["builtin", "tryton"]),
    url: optionalText(500),
    database: optionalText(100),
    username: optionalText(100),
    /** Left empty: keep the stored password. */
    password: z.string().max(500).nullish().transform((v) => v || null),
    pollSeconds: z.coerce.number().int().min(10).max(86_400).default(60),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "tryton") return;
    if (!v.url || !/^https?:\/\/[^\s]+$/i.test(v.url)) ctx.addIssue({ code: "custom", path: ["url"], message: "validation.invalid_format" });
    if (!v.database) ctx.addIssue({ code: "custom", path: ["database"], message: "validation.invalid_type" });
    if (!v.username) ctx.addIssue({ code: "custom", path: ["username"], message: "validation.invalid_type" });
  });

export type ConnectionInput = z.input<typeof connectionInput>;

const MAPPING_ENTITIES = ["paymentTerm", "tax", "currency", "unit", "warehouse", "location"] as const;

export const mappingInput = z.object({
  entity: z.enum(MAPPING_ENTITIES),
  localCode: z.string().trim().min(1).max(40),
  erpId: z.string().trim().min(1).max(100),
  erpName: optionalText(200),
});

export type MappingInput = z.input<typeof mappingInput>;

export const syncNowInput = z.object({ full: z.boolean().default(false) });
