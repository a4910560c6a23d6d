import "server-only";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";

type CurrencyChoice = { code: string; name: string };

/** The currencies an opportunity may be in: the active ones of the ERP master data (RMB alone before the first sync). */
export async function opportunityCurrencies(db: Db | Tx): Promise<CurrencyChoice[]> {
  const rows = await db.masterData.findMany({ where: { kind: "currency", active: true }, orderBy: { code: "asc" }, select: { code: true, name: true } });
  const list = rows.length ? rows : [{ code: "CNY", name: "人民币" }];
  // RMB first: most opportunities are domestic.
  return [...list.filter((c) => c.code === "CNY"), ...list.filter((c) => c.code !== "CNY")];
}

/** The typed currency code if the master data knows it, else a field error on currencyCode. */
export async function knownCurrency(db: Db | Tx, code: string): Promise<string> {
  const known = await opportunityCurrencies(db);
  if (!known.some((c) => c.code === code)) throw new AppError("validation", { fieldErrors: { currencyCode: "validation.unknown_currency" } });
  return code;
}
