import "server-only";
import type { Db } from "../db/client";

/** A unit of measure as people read it: its master-data name (件, 千克) and an English one. */
export type UnitLabel = { code: string; nameZh: string; nameEn: string };

const CJK = /[\u3400-\u9fff]/;

/**
 * The units' names from the master data (kind "unit": code -> name). English is
 * attrs.nameEn when maintained, else the name itself when it is not Chinese
 * (an ERP's "Kilogram"), else the symbol ("kg"), else the code. Without codes, every
 * unit (a short master-data list): for a caller that reads them before it knows which.
 */
export async function unitLabels(db: Db, codes?: string[]): Promise<(code: string) => UnitLabel> {
  const rows =
    !codes || codes.length
      ? await db.masterData.findMany({ where: { kind: "unit", ...(codes ? { code: { in: [...new Set(codes)] } } : {}) }, select: { code: true, name: true, attrs: true } })
      : [];
  const byCode = new Map(
    rows.map((r) => {
      const attrs = (r.attrs ?? {}) as { nameEn?: unknown; symbol?: unknown };
      const en = typeof attrs.nameEn === "string" && attrs.nameEn ? attrs.nameEn : !CJK.test(r.name) ? r.name : typeof attrs.symbol === "string" && attrs.symbol ? attrs.symbol : r.code;
      return [r.code, { code: r.code, nameZh: r.name, nameEn: en }];
    }),
  );
  return (code) => byCode.get(code) ?? { code, nameZh: code, nameEn: code };
}
