import "server-only";
import type { ErpPage, ErpProduct } from "../connector";
import { changedSince, decodePage, encodePage } from "./page-token";
import type { TrytonRpc } from "./rpc-client";
import { rel, type Row } from "./tryton-lookups";
import { writeAt } from "./tryton-json";

// Products are Tryton's variants (product.product) with a code; name, unit and type
// live on the template, so a change of either counts. Tryton leaves write_date null
// on records never edited, hence create_date too.
//
// Paging is by id after the last one handed out (keyset, stable while rows change);
// items carry writeAt = the latest write/create of variant and template, rounded up to
// the millisecond. Within one read the pages are in id order, not writeAt order: the
// caller advances its `since` to the highest writeAt once the last page is read.

// Only stored columns, the template's through one dotted read: the variant's own
// "name"/"type" are computed per record and the company-dependent list_price costs
// about 3 s per 1000 rows, so it is left out.
const FIELDS = [
  "code", "active", "create_date", "write_date",
  "template.name", "template.type", "template.code", "template.create_date", "template.write_date", "template.default_uom.symbol",
];

export async function readProducts(rpc: TrytonRpc, since: string | null, page: string | null, limit: number): Promise<ErpPage<ErpProduct>> {
  const after = decodePage(page);
  const domain: unknown[] = [["id", ">", after], ["code", "!=", null]];
  const changed = changedSince(since, ["", "template."]);
  if (changed.length) domain.push(changed);
  const rows = await rpc.modelCtx<Row[]>("product.product", "search_read", { active_test: false }, domain, 0, limit, [["id", "ASC"]], FIELDS);
  const items = rows.map((r): ErpProduct => {
    const tpl = rel(r, "template") ?? {};
    const uom = (tpl["default_uom."] as { symbol?: string } | null) ?? null;
    return {
      erpId: String(r.id),
      code: String(r.code),
      name: String(tpl.name ?? r.code),
      unitCode: uom?.symbol ?? null,
      params: { type: tpl.type ?? null, templateCode: tpl.code ?? null },
      active: Boolean(r.active),
      writeAt: writeAt(r.write_date as string | null, r.create_date as string | null, tpl.write_date as string | null, tpl.create_date as string | null),
    };
  });
  const last = rows.at(-1);
  return { items, next: rows.length === limit && last ? encodePage(last.id) : null };
}
