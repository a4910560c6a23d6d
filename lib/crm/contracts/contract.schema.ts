import { z } from "zod";

/** Incoterms 2020: the rules a foreign contract names with a place (ICC Publication 723E). */
export const INCOTERMS_2020 = ["EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"] as const;
export const CONTRACT_STATUSES = ["draft", "in_review", "approved", "signed", "cancelled"] as const;
export const FOREIGN_CURRENCIES = ["USD", "EUR", "JPY", "GBP", "HKD", "CNY"] as const;
/** The domestic VAT rate a new domestic contract starts with (增值税一般纳税人, goods). */
export const DEFAULT_VAT_RATE = 0.13;

const text = (max: number) => z.string().trim().max(max);

const contractLineSchema = z.object({
  /** Stable across versions, so the diff pairs a line with its earlier self. */
  key: text(40).min(1),
  productCode: text(60).nullable().default(null),
  description: text(300).min(1, "validation.required"),
  quantity: z.coerce.number().positive("validation.invalid_value").max(1e9),
  unitCode: text(20).nullable().default(null),
  unitPrice: z.coerce.number().min(0, "validation.invalid_value").max(1e10),
  delivery: text(10).nullable().default(null),
});

const contractClauseSchema = z.object({
  key: text(40).min(1),
  titleZh: text(100).min(1, "validation.required"),
  titleEn: text(200).default(""),
  textZh: text(4000).min(1, "validation.required"),
  textEn: text(8000).default(""),
});

/** What a version holds besides its computed amounts (the form sends this). */
export const contractTermsInputSchema = z.object({
  currencyCode: text(3).regex(/^[A-Z]{3}$/, "validation.invalid_format"),
  taxRate: z.coerce.number().min(0).max(0.3),
  incoterm: z.enum(INCOTERMS_2020).nullable().default(null),
  incotermPlace: text(120).nullable().default(null),
  paymentTerms: text(1000).min(1, "validation.required"),
  deliveryTerms: text(1000).min(1, "validation.required"),
  lines: z.array(contractLineSchema).min(1, "validation.required").max(200),
  clauses: z.array(contractClauseSchema).max(60),
});
export type ContractTermsInput = z.infer<typeof contractTermsInputSchema>;
export type ContractLine = z.infer<typeof contractLineSchema> & { amount: number };
export type ContractClause = z.infer<typeof contractClauseSchema>;

/** A version's terms as stored: the input plus amounts computed on the server. */
export type ContractTerms = Omit<ContractTermsInput, "lines"> & { lines: ContractLine[]; subtotal: number; tax: number; total: number };

/** Countries a customer is most often in, for the country picker on the new-contract page (ISO 3166-1 alpha-2). */
export const COMMON_COUNTRIES = ["CN", "HK", "TW", "US", "DE", "JP", "KR", "GB", "FR", "IT", "NL", "ES", "VN", "TH", "MY", "SG", "ID", "IN", "AE", "SA", "TR", "RU", "BR", "MX", "CA", "AU"] as const;

export const createContractSchema = z.object({
  opportunityId: z.string().uuid().optional(),
  fromContractId: z.string().uuid().optional(),
  customerId: z.string().uuid().optional(),
  /** The customer's country, corrected on the way (it chooses the template); only for a customer the employee may change. */
  countryCode: z.string().regex(/^[A-Z]{2}$/, "validation.invalid_format").optional(),
});
export type CreateContractInput = z.infer<typeof createContractSchema>;

const contractListQuerySchema = z.object({
  q: text(100).default(""),
  status: z.enum(CONTRACT_STATUSES).or(z.literal("")).catch("").default(""),
  template: z.enum(["domestic", "foreign", ""]).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ContractListQuery = z.infer<typeof contractListQuerySchema>;

export function parseContractListQuery(params: Record<string, string | string[] | undefined>): ContractListQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return contractListQuerySchema.parse({ q: one(params.q) ?? "", status: one(params.status) ?? "", template: one(params.template) ?? "", page: one(params.page) ?? 1 });
}
