import "server-only";
import type { PartyAddress } from "../connector";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";

// A party's addresses as the app holds them, written to Tryton's party.address (one2many
// actions for party.party write/create). Matched by content, so a repeat finds every
// address as it is and writes nothing: an address the app changed takes over one that
// no longer matches, a new one is created, and Tryton's addresses the app no longer has
// are deactivated (kept for the documents that use them). The order follows the app's
// (primary first) through party.address.sequence.

const FIELDS = ["name", "street", "postal_code", "city", "country", "subdivision", "sequence", "active"] as const;
type Values = { name: string | null; street: string; postal_code: string | null; city: string | null; country: number | null; subdivision: number | null; sequence: number };

const text = (v: unknown) => (typeof v === "string" && v ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : Array.isArray(v) && typeof v[0] === "number" ? v[0] : null);
const sameAddress = (row: Row, v: Values) =>
  text(row.name) === v.name && text(row.street) === v.street && text(row.postal_code) === v.postal_code && text(row.city) === v.city && num(row.country) === v.country && num(row.subdivision) === v.subdivision;

/** Tryton's country and province ids for the app's codes and names; unknown ones stay empty (Tryton may have no country data loaded). */
async function places(rpc: TrytonRpc, wanted: PartyAddress[]) {
  const countries = new Map<string, number | null>();
  const subdivisions = new Map<string, number | null>();
  for (const a of wanted) {
    const cc = a.countryCode ?? "CN";
    if (!countries.has(cc)) countries.set(cc, (await rpc.model<number[]>("country.country", "search", [["code", "=", cc]], 0, 1, [["id", "ASC"]]))[0] ?? null);
    const country = countries.get(cc) ?? null;
    const key = `${country}:${a.province ?? ""}`;
    if (country && a.province && !subdivisions.has(key)) {
      const [id] = await rpc.model<number[]>("country.subdivision", "search", [["country", "=", country], ["name", "ilike", `${a.province.replace(/(省|市|自治区)$/, "")}%`]], 0, 1, [["id", "ASC"]]);
      subdivisions.set(key, id ?? null);
    }
  }
  return (a: PartyAddress) => {
    const country = countries.get(a.countryCode ?? "CN") ?? null;
    return { country, subdivision: a.province ? (subdivisions.get(`${country}:${a.province}`) ?? null) : null };
  };
}

/** The one2many actions that make the party's addresses the app's, or null when they already are. */
export async function addressActions(rpc: TrytonRpc, existingIds: number[], wanted: PartyAddress[]): Promise<unknown[] | null> {
  const place = await places(rpc, wanted);
  const values: Values[] = wanted.map((a, i) => ({ name: a.name, street: a.street, postal_code: a.postalCode, city: a.city, ...place(a), sequence: i + 1 }));
  const rows = existingIds.length ? await rpc.modelCtx<Row[]>("party.address", "read", { active_test: false }, existingIds, [...FIELDS]) : [];
  const free = [...rows].sort((a, b) => Number(b.active) - Number(a.active) || (num(a.sequence) ?? 0) - (num(b.sequence) ?? 0) || a.id - b.id);
  const actions: unknown[] = [];
  const pending: Values[] = [];

  // Addresses that are already there, maybe in another place of the order or deactivated.
  for (const v of values) {
    const i = free.findIndex((r) => sameAddress(r, v));
    if (i < 0) {
      pending.push(v);
      continue;
    }
    const [row] = free.splice(i, 1);
    if (num(row.sequence) !== v.sequence || !row.active) actions.push(["write", [row.id], { sequence: v.sequence, active: true }]);
  }
  // Changed ones take over the active addresses left over; the rest are new.
  const toCreate: Values[] = [];
  for (const v of pending) {
    const i = free.findIndex((r) => r.active);
    if (i < 0) toCreate.push(v);
    else actions.push(["write", [free.splice(i, 1)[0].id], { ...v, active: true }]);
  }
  if (toCreate.length) actions.push(["create", toCreate]);
  const gone = free.filter((r) => r.active).map((r) => r.id);
  if (gone.length) actions.push(["write", gone, { active: false }]);
  return actions.length ? actions : null;
}
