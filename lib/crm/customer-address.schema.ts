import { z } from "zod";

const optionalText = (max: number) => z.string().trim().max(max, "validation.too_big").nullish().transform((v) => v || null);

export const ADDRESS_KINDS = ["office", "billing", "shipping"] as const;

/** One of a customer's addresses (CRM-2): what it is for, where it is, who to ask for there. */
export const customerAddressInput = z.object({
  kind: z.enum(ADDRESS_KINDS).default("office").catch("office"),
  label: optionalText(40),
  countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "validation.invalid_format").nullish().or(z.literal("")).transform((v) => v || "CN"),
  province: optionalText(40),
  city: optionalText(40),
  street: z.string().trim().min(2, "validation.too_small").max(200, "validation.too_big"),
  postalCode: z.string().trim().max(12, "validation.too_big").regex(/^[0-9A-Za-z -]*$/, "validation.invalid_format").nullish().transform((v) => v || null),
  contactName: optionalText(60),
  phone: z
    .string()
    .trim()
    .max(40, "validation.too_big")
    .regex(/^[0-9+\-()\s]*$/, "validation.invalid_phone")
    .nullish()
    .transform((v) => v || null),
  isPrimary: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).nullish().transform((v) => v === true || v === "on" || v === "true"),
});
export type CustomerAddressInput = z.input<typeof customerAddressInput>;

type AddressText = { countryCode?: string | null; province: string | null; city: string | null; street: string; postalCode?: string | null };

/** The address as one line, the Chinese way (province, city, street); a foreign one names its country. */
export function addressText(a: AddressText): string {
  const parts = [a.countryCode && a.countryCode !== "CN" ? a.countryCode : null, a.province, a.city !== a.province ? a.city : null, a.street];
  return parts.filter(Boolean).join(" ");
}

/** A map search for the address (AutoNavi, which phones in China open in their map app). */
export function addressMapHref(a: AddressText): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(addressText(a))}`;
}
