import "server-only";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";

// A supplier's bank account as Tryton's bank module holds it: a bank is a party of its own
// (found by name, made when missing), the account (bank.account) has the supplier among its
// owners and one number of type "other" (Chinese account numbers are not IBANs). The
// supplier's earlier accounts lose it as an owner: the ERP pays the new account only.
// Returns whether anything was written.

async function bankFor(rpc: TrytonRpc, name: string): Promise<number> {
  const [bank] = await rpc.model<Row[]>("bank", "search_read", [["party.name", "=", name]], 0, 1, [["id", "ASC"]], ["id"]);
  if (bank) return bank.id;
  const [party] = await rpc.modelCtx<Row[]>("party.party", "search_read", { active_test: false }, [["name", "=", name]], 0, 1, [["id", "ASC"]], ["id"]);
  const partyId = party ? party.id : (await rpc.model<number[]>("party.party", "create", [{ name }]))[0];
  const [id] = await rpc.model<number[]>("bank", "create", [{ party: partyId }]);
  return id;
}

export async function writeBankAccount(rpc: TrytonRpc, partyId: number, bankName: string, number: string): Promise<boolean> {
  const owned = await rpc.model<Row[]>("bank.account", "search_read", [["owners", "=", partyId]], 0, null, [["id", "ASC"]], ["bank", "numbers"]);
  const numbers = owned.length ? await rpc.model<Row[]>("bank.account.number", "search_read", [["account", "in", owned.map((a) => a.id)]], 0, null, null, ["account", "number"]) : [];
  const bankId = await bankFor(rpc, bankName);
  const current = owned.find((a) => a.bank === bankId && numbers.some((n) => n.account === a.id && n.number === number));
  const stale = owned.filter((a) => a !== current);
  if (current && !stale.length) return false;
  if (!current) {
    await rpc.model("bank.account", "create", [{ bank: bankId, owners: [["add", [partyId]]], numbers: [["create", [{ type: "other", number }]]] }]);
  }
  if (stale.length) await rpc.model("bank.account", "write", stale.map((a) => a.id), { owners: [["remove", [partyId]]] });
  return true;
}
