import "server-only";
import { ErpError, type ErpWriteResult, type PartyInput } from "../connector";
import { formatAddress } from "./read-parties";
import { addressActions } from "./write-party-addresses";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";
import { writeBankAccount } from "./write-bank-account";

// A supplier or customer from the app as a Tryton party, found by its code (the app's
// supplier/customer code), so a repeat after a crash finds the party created the first
// time. Only what differs is written; nothing differing means repeated = true. Null
// inputs (no address, no payment term) leave Tryton's value alone.
//
// Where things go: address -> the first party.address (street), or a customer's
// addresses -> all of party.address (write-party-addresses.ts), tax code -> an untyped
// party.identifier (Tryton validates typed ones against national formats), contact ->
// a "phone" contact mechanism named after the contact person, payment term ->
// supplier_payment_term or customer_payment_term (account_invoice, per company), bank and
// account number -> a bank.account owned by the party (write-bank-account.ts).

const termField = (input: PartyInput) => (input.role === "supplier" ? "supplier_payment_term" : "customer_payment_term");

async function findParty(rpc: TrytonRpc, input: PartyInput): Promise<Row | null> {
  const fields = ["code", "name", "active", "addresses", "identifiers", "contact_mechanisms", termField(input)];
  const byCode = await rpc.modelCtx<Row[]>("party.party", "search_read", { active_test: false }, [["code", "=", input.code]], 0, 1, [["id", "ASC"]], fields);
  if (byCode[0]) return byCode[0];
  // Known id but the code changed in Tryton meanwhile: still the same party.
  if (input.erpId) {
    const byId = await rpc.modelCtx<Row[]>("party.party", "search_read", { active_test: false }, [["id", "=", Number(input.erpId)]], 0, 1, null, fields);
    if (byId[0]) return byId[0];
  }
  return null;
}

export async function upsertParty(rpc: TrytonRpc, input: PartyInput): Promise<ErpWriteResult> {
  if (!input.code) throw new ErpError("a party needs a code to be written to Tryton", false);
  const term = input.paymentTermErpId ? Number(input.paymentTermErpId) : null;
  const party = await findParty(rpc, input);

  if (!party) {
    const values: Record<string, unknown> = { code: input.code, name: input.name };
    if (input.addresses?.length) values.addresses = await addressActions(rpc, [], input.addresses);
    else if (input.address) values.addresses = [["create", [{ street: input.address }]]];
    if (input.taxCode) values.identifiers = [["create", [{ code: input.taxCode }]]];
    if (input.contactPhone) values.contact_mechanisms = [["create", [{ type: "phone", value: input.contactPhone, name: input.contactName }]]];
    if (term) values[termField(input)] = term;
    const [id] = await rpc.model<number[]>("party.party", "create", [values]);
    if (input.bankName && input.bankAccount) await writeBankAccount(rpc, id, input.bankName, input.bankAccount);
    return { erpId: String(id), repeated: false };
  }

  const changes: Record<string, unknown> = {};
  if (party.code !== input.code) changes.code = input.code;
  if (party.name !== input.name) changes.name = input.name;
  if (!party.active) changes.active = true;
  if (term && party[termField(input)] !== term) changes[termField(input)] = term;

  if (input.addresses?.length) {
    const actions = await addressActions(rpc, party.addresses as number[], input.addresses);
    if (actions) changes.addresses = actions;
  } else if (input.address) {
    const ids = party.addresses as number[];
    const [first] = ids.length ? await rpc.modelCtx<Row[]>("party.address", "read", { active_test: false }, ids.slice(0, 1), ["street", "postal_code", "city"]) : [];
    if (!first) changes.addresses = [["create", [{ street: input.address }]]];
    else if (formatAddress(first) !== input.address) changes.addresses = [["write", [first.id], { street: input.address, postal_code: null, city: null }]];
  }
  if (input.taxCode) {
    const idents = (party.identifiers as number[]).length ? await rpc.model<Row[]>("party.identifier", "read", party.identifiers as number[], ["type", "code"]) : [];
    const own = idents.find((i) => !i.type);
    if (!own) changes.identifiers = [["create", [{ code: input.taxCode }]]];
    else if (own.code !== input.taxCode) changes.identifiers = [["write", [own.id], { code: input.taxCode }]];
  }
  if (input.contactPhone) {
    const mechs = (party.contact_mechanisms as number[]).length ? await rpc.model<Row[]>("party.contact_mechanism", "read", party.contact_mechanisms as number[], ["type", "value", "name"]) : [];
    const phone = mechs.find((m) => m.type === "phone");
    if (!phone) changes.contact_mechanisms = [["create", [{ type: "phone", value: input.contactPhone, name: input.contactName }]]];
    else if (phone.value !== input.contactPhone || (phone.name ?? null) !== input.contactName) {
      changes.contact_mechanisms = [["write", [phone.id], { value: input.contactPhone, name: input.contactName }]];
    }
  }

  // The party first: a Tryton without the bank module refuses the bank part, after it.
  if (Object.keys(changes).length) await rpc.model("party.party", "write", [party.id], changes);
  const bank = input.bankName && input.bankAccount ? await writeBankAccount(rpc, party.id, input.bankName, input.bankAccount) : false;
  return { erpId: String(party.id), repeated: !bank && !Object.keys(changes).length };
}
