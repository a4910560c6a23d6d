import "server-only";
import type { Tx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { checkParamValues, readParamDefs } from "../products/param-defs";
import { dayDate, lineInput, linesInput, type CheckedLine } from "./opportunity.schema";

/** A decimal as an integer count of 10^-scale units (0.35 at scale 4 is 3500n), rounded half up. */
const scaled = (v: number, scale: number) => BigInt(Math.round(v * 10 ** scale));

/**
 * The line amount in cents, in integers so that no binary fraction creeps in:
 * quantity x unit price x (1 - discount/100), rounded half up to the cent.
 */
export function lineAmountCents(quantity: number, unitPrice: number, discountPct: number): bigint {
  const raw = scaled(quantity, 3) * scaled(unitPrice, 4) * (10_000n - scaled(discountPct, 2));
  // raw is at scale 3 + 4 + 4 = 11; cents are scale 2.
  return (raw + 500_000_000n) / 1_000_000_000n;
}

/** Cents as a decimal string with two places ("1234.50"). */
export const centsText = (c: bigint) => `${c < 0n ? "-" : ""}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, "0")}`;

type LineRow = Omit<Prisma.OpportunityLineCreateManyInput, "opportunityId">;

/**
 * The lines as stored, from the editor's input: a library line takes its product's code,
 * category, technical parameters and unit from the library (not typed again; the
 * description defaults to the product's name); a typed line's parameters are checked
 * against its category's definitions. Amounts are computed here, never taken from input.
 * Field errors are named `lines.<index>.<field>` so the editor marks the line.
 */
export async function buildLines(tx: Tx, raw: unknown): Promise<{ rows: LineRow[]; totalCents: bigint }> {
  const list = parseInput(linesInput, raw);
  const errors: Record<string, string> = {};
  const checked: (CheckedLine | null)[] = list.map((l, i) => {
    try {
      return parseInput(lineInput, l);
    } catch (e) {
      const fe = (e as AppError).fieldErrors ?? {};
      for (const [k, v] of Object.entries(fe)) errors[`lines.${i}.${k}`] = v;
      return null;
    }
  });
  const productIds = [...new Set(checked.map((l) => l?.productId).filter((x): x is string => !!x && /^[0-9a-f-]{36}$/i.test(x)))];
  const products = new Map((await tx.product.findMany({ where: { id: { in: productIds }, active: true }, select: { id: true, code: true, name: true, unitCode: true, categoryId: true, techParams: true } })).map((p) => [p.id, p]));
  const categoryIds = [...new Set([...checked.map((l) => l?.categoryId), ...[...products.values()].map((p) => p.categoryId)].filter((x): x is string => !!x && /^[0-9a-f-]{36}$/i.test(x)))];
  const categories = new Map((await tx.productCategory.findMany({ where: { id: { in: categoryIds } }, select: { id: true, paramDefs: true } })).map((c) => [c.id, readParamDefs(c.paramDefs)]));
  const rows: LineRow[] = [];
  let totalCents = 0n;
  checked.forEach((l, i) => {
    if (!l) return;
    const product = l.productId ? products.get(l.productId) : null;
    if (l.productId && !product) {
      errors[`lines.${i}.productId`] = "validation.product_unknown";
      return;
    }
    const categoryId = product ? product.categoryId : l.categoryId;
    if (categoryId && !categories.has(categoryId)) {
      errors[`lines.${i}.categoryId`] = "validation.required";
      return;
    }
    let params: Record<string, string | number> = {};
    if (product) params = (product.techParams ?? {}) as Record<string, string | number>;
    else if (categoryId) {
      try {
        params = checkParamValues(categories.get(categoryId)!, l.params);
      } catch (e) {
        for (const [k, v] of Object.entries((e as AppError).fieldErrors ?? {})) errors[`lines.${i}.${k}`] = v;
        return;
      }
    }
    const description = l.description ?? product?.name ?? null;
    if (!description) {
      errors[`lines.${i}.description`] = "validation.required";
      return;
    }
    const cents = lineAmountCents(l.quantity, l.unitPrice, l.discountPct);
    totalCents += cents;
    rows.push({
      position: i + 1,
      productId: product?.id ?? null,
      productCode: product?.code ?? null,
      categoryId: categoryId ?? null,
      description,
      params,
      quantity: l.quantity,
      unitCode: product ? product.unitCode : l.unitCode,
      unitPrice: l.unitPrice,
      discountPct: l.discountPct,
      amount: centsText(cents),
      unitCost: l.unitCost,
      expectedDelivery: dayDate(l.expectedDelivery),
    });
  });
  if (Object.keys(errors).length) throw new AppError("validation", { fieldErrors: errors });
  return { rows, totalCents };
}
