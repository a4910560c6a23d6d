import type { Supplier } from "../../db/generated/client";

/**
 * The supplier master data a change request may touch, in the order forms and diffs
 * show it. Bank details are the classic fraud path: a change to them always needs
 * finance's approval (checked when the change is applied, whatever the flow says).
 */
export const CHANGE_FIELDS = ["name", "taxCode", "paymentTermCode", "contactName", "contactPhone", "address", "bankName", "bankAccount"] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export const BANK_FIELDS: readonly ChangeField[] = ["bankName", "bankAccount"];

/** Fields whose value is a master-data code, shown with its name. */
export const CODE_FIELDS: Partial<Record<ChangeField, "tax" | "paymentTerm">> = { taxCode: "tax", paymentTermCode: "paymentTerm" };

/** One proposed field change with the stored values (codes, not names): the archive's value when proposed, and the new one. */
type FieldChange = { from: string | null; to: string | null };
export type Proposal = Partial<Record<ChangeField, FieldChange>>;

export type SupplierValues = Pick<Supplier, ChangeField>;

/** The fields whose proposed value differs from the archive's: only these are stored. */
export function proposalOf(current: SupplierValues, proposed: Record<ChangeField, string | null>): Proposal {
  const out: Proposal = {};
  for (const f of CHANGE_FIELDS) if ((current[f] ?? null) !== (proposed[f] ?? null)) out[f] = { from: current[f] ?? null, to: proposed[f] ?? null };
  return out;
}

/** The stored proposal read back, keeping only known fields with string-or-null values. */
export function readProposal(raw: unknown): Proposal {
  const o = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const out: Proposal = {};
  const val = (v: unknown) => (typeof v === "string" ? v : null);
  for (const f of CHANGE_FIELDS) {
    const c = o[f] as Record<string, unknown> | undefined;
    if (c && typeof c === "object") out[f] = { from: val(c.from), to: val(c.to) };
  }
  return out;
}

export const touchesBank = (p: Proposal) => BANK_FIELDS.some((f) => f in p);

/** Fields that moved in the archive since the proposal: applying it would overwrite someone else's change. */
export function staleFields(current: SupplierValues, p: Proposal): ChangeField[] {
  return (Object.keys(p) as ChangeField[]).filter((f) => (current[f] ?? null) !== p[f]!.from);
}
