import "server-only";
import { ErpError } from "../connector";
import type { TrytonRpc } from "./rpc-client";

// Resolving the app's codes to Tryton ids. A missing code is a refusal (transient
// false): retrying will not make an unknown product appear.

export type Row = Record<string, unknown> & { id: number };

/** A dotted field read ("party.code") comes back as row["party."] = { id, code }. */
export function rel(row: Row, field: string): Record<string, unknown> | null {
  return (row[`${field}.`] as Record<string, unknown> | null | undefined) ?? null;
}

export async function companyId(rpc: TrytonRpc): Promise<number> {
  const prefs = await rpc.model<{ company?: number | null }>("res.user", "get_preferences", true);
  if (!prefs.company) throw new ErpError("the Tryton user has no current company; set one in Tryton (User > Preferences)", false);
  return prefs.company;
}

/** The first warehouse: the app has one receiving warehouse per Tryton database. */
export async function warehouseId(rpc: TrytonRpc): Promise<number> {
  const [id] = await rpc.model<number[]>("stock.location", "search", [["type", "=", "warehouse"]], 0, 1, [["id", "ASC"]]);
  if (!id) throw new ErpError("Tryton has no warehouse location", false);
  return id;
}

export async function idByCode(rpc: TrytonRpc, model: string, field: string, code: string, what: string): Promise<number> {
  const [id] = await rpc.model<number[]>(model, "search", [[field, "=", code]], 0, 1, [["id", "ASC"]]);
  if (!id) throw new ErpError(`Tryton has no ${what} "${code}"`, false);
  return id;
}
