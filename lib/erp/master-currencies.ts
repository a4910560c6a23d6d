import "server-only";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";

export type CurrencyChoice = { code: string; name: string };

/** The active currencies of the ERP master data, RMB first (RMB alone before the first sync). */
export async function activeCurrencies(db: Db | Tx): Promise<CurrencyChoice[]> {
  const rows = await db.masterData.findMany({ where: { kind: "currency", active: true }, orderBy: { code: "asc" }, select: { code: true, name: true } });
  const list = rows.length ? rows : [{ code: "CNY", name: "人民币" }];
  return [...list.filter((c) => c.code === "CNY"), ...list.filter((c) => c.code !== "CNY")];
}

/** The code if the master data knows it as an active currency, else a field error on currencyCode. */
export async function knownCurrency(db: Db | Tx, code: string): Promise<string> {
  if (!(await activeCurrencies(db)).some((c) => c.code === code)) throw new AppError("validation", { fieldErrors: { currencyCode: "validation.unknown_currency" } });
  return code;
}
