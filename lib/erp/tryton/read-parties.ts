import "server-only";
import type { ErpPage, ErpParty, PartyRole } from "../connector";
import { changedSince, decodePage, encodePage } from "./page-token";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";
import { writeAt } from "./tryton-json";

// Tryton has no supplier/customer flag on a party: any party can be used on a
// purchase or a sale. So both roles read the same set: every party with a code,
// except the companies' own parties. Address and tax number live in party.address and
// party.identifier; a change there counts as a change of the party.

/** Typed identifiers that are tax numbers (cn_uscc, eu_vat, de_vat, fr_tva, ...). */
const TAX_TYPE = /_(uscc|vat|tva|iva|nif|kmkr|alv|dic|cvr)$/;

// Companies hardly ever change: remembered for a minute per client, which saves a
// round trip on each incremental read (the sync reads parties twice, once per role).
const companiesSeen = new WeakMap<TrytonRpc, { at: number; ids: number[] }>();

async function companyParties(rpc: TrytonRpc): Promise<number[]> {
  const hit = companiesSeen.get(rpc);
  if (hit && Date.now() - hit.at < 60_000) return hit.ids;
  const rows = await rpc.model<Row[]>("company.company", "search_read", [], 0, null, null, ["party"]);
  const ids = rows.map((r) => Number(r.party));
  companiesSeen.set(rpc, { at: Date.now(), ids });
  return ids;
}

export function formatAddress(a: Row | undefined): string | null {
  if (!a) return null;
  const cityLine = [a.postal_code, a.city].filter((s) => typeof s === "string" && s).join(" ");
  const text = [a.street, cityLine].filter((s) => typeof s === "string" && s).join(", ");
  return text || null;
}

export async function readParties(rpc: TrytonRpc, _role: PartyRole, since: string | null, page: string | null, limit: number): Promise<ErpPage<ErpParty>> {
  const after = decodePage(page);
  const domain: unknown[] = [["id", ">", after], ["code", "!=", null], ["id", "not in", await companyParties(rpc)]];
  const changed = changedSince(since, ["", "addresses.", "identifiers."]);
  if (changed.length) domain.push(changed);
  const rows = await rpc.modelCtx<Row[]>("party.party", "search_read", { active_test: false }, domain, 0, limit, [["id", "ASC"]], ["code", "name", "create_date", "write_date"]);
  const ids = rows.map((r) => r.id);
  const [addresses, identifiers] = ids.length
    ? await Promise.all([
        rpc.modelCtx<Row[]>("party.address", "search_read", { active_test: false }, [["party", "in", ids]], 0, null, [["sequence", "ASC"], ["id", "ASC"]], ["party", "street", "postal_code", "city", "active", "create_date", "write_date"]),
        rpc.model<Row[]>("party.identifier", "search_read", [["party", "in", ids]], 0, null, [["sequence", "ASC"], ["id", "ASC"]], ["party", "type", "code", "create_date", "write_date"]),
      ])
    : [[], []];
  const byParty = <T extends Row>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) m.set(Number(x.party), [...(m.get(Number(x.party)) ?? []), x]);
    return m;
  };
  const addrOf = byParty(addresses);
  const idsOf = byParty(identifiers);
  const items = rows.map((r): ErpParty => {
    const addrs = addrOf.get(r.id) ?? [];
    const idents = idsOf.get(r.id) ?? [];
    // An untyped identifier is what upsertParty writes; else a typed tax number.
    const taxId = idents.find((i) => !i.type) ?? idents.find((i) => TAX_TYPE.test(String(i.type)));
    const dates = [r, ...addrs, ...idents].flatMap((x) => [x.write_date as string | null, x.create_date as string | null]);
    return {
      erpId: String(r.id),
      code: String(r.code),
      name: String(r.name),
      taxCode: (taxId?.code as string | undefined) ?? null,
      address: formatAddress(addrs.find((a) => a.active) ?? addrs[0]),
      writeAt: writeAt(...dates),
    };
  });
  const last = rows.at(-1);
  return { items, next: rows.length === limit && last ? encodePage(last.id) : null };
}
