import "server-only";
import type { Db } from "../db/client";
import type { BusinessType } from "../workflow/business-data";

/** A value as people read it, in both languages; lines (order lines, receipt lines) as a table. */
export type DisplayValue =
  | { kind: "text"; zh: string; en: string }
  | { kind: "lines"; rows: LineDisplay[] }
  | { kind: "changes"; rows: ChangeRowValue[] };

/**
 * One line as shown. A row that compares (a supplier's proposal beside the order) also
 * has `was`, the quantity before, and `date` / `wasDate`, calendar days; a row of a
 * dates answer (a delivery date per line) has `date` alone.
 */
type LineDisplay = { item: string; quantity: number; unitZh: string; unitEn: string; was?: number; date?: string | null; wasDate?: string | null };

/** One changed field of a proposal (a supplier change): its label, old and new value in words, whether it is bank data. */
type ChangeRowValue = { labelZh: string; labelEn: string; from: string; to: string; bank: boolean };

const isChangeRow = (r: unknown): r is ChangeRowValue => {
  const o = r as Record<string, unknown>;
  return typeof o?.labelZh === "string" && typeof o.labelEn === "string" && typeof o.from === "string" && typeof o.to === "string";
};

/** A value's type for display: a business-data type, or a form field's type. */
export type DisplayType = BusinessType | "textarea" | "select" | "decision";

type LineRow = { key: string; label: string; quantity: number; unit: string; was?: unknown; date?: unknown; wasDate?: unknown };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOrNull = (v: unknown) => (typeof v === "string" && DAY.test(v) ? v : null);
/** The comparison a row carries, if any (see LineDisplay). */
const compared = (r: LineRow) => (typeof r.was === "number" ? { was: r.was, date: dayOrNull(r.date), wasDate: dayOrNull(r.wasDate) } : {});
const isLineRow = (r: unknown): r is LineRow => {
  const o = r as Record<string, unknown>;
  return typeof o?.label === "string" && typeof o.quantity === "number";
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names for the ids and codes values carry (suppliers, people, groups, units), read in
 * one query per kind for everything a page shows: `want` collects, `load` reads.
 */
export class Lookups {
  private wanted = { suppliers: new Set<string>(), people: new Set<string>(), groups: new Set<string>(), units: new Set<string>() };
  private suppliers = new Map<string, string>();
  private people = new Map<string, string>();
  private groups = new Map<string, { zh: string; en: string }>();
  private units = new Map<string, { zh: string; en: string }>();

  want(type: DisplayType, value: unknown) {
    if (type === "supplier" && typeof value === "string" && UUID.test(value)) this.wanted.suppliers.add(value);
    if (type === "person" && typeof value === "string") this.wanted.people.add(value);
    if (type === "group") for (const g of groupKeys(value)) this.wanted.groups.add(g);
    if (type === "lines" && Array.isArray(value)) for (const r of value) if (isLineRow(r) && r.unit) this.wanted.units.add(r.unit);
  }

  wantUnits(rows: readonly { unit: string }[]) {
    for (const r of rows) if (r.unit) this.wanted.units.add(r.unit);
  }

  async load(db: Db) {
    const { suppliers, people, groups, units } = this.wanted;
    const personIds = [...people].filter((p) => UUID.test(p));
    const usernames = [...people].filter((p) => !UUID.test(p)).map((p) => p.toLowerCase());
    const [s, e, g, u] = await Promise.all([
      suppliers.size ? db.supplier.findMany({ where: { id: { in: [...suppliers] } }, select: { id: true, name: true } }) : [],
      people.size ? db.employee.findMany({ where: { OR: [{ id: { in: personIds } }, { username: { in: usernames } }] }, select: { id: true, username: true, name: true } }) : [],
      groups.size ? db.group.findMany({ where: { key: { in: [...groups] } }, select: { key: true, nameZh: true, nameEn: true } }) : [],
      units.size ? db.masterData.findMany({ where: { kind: "unit", code: { in: [...units] } }, select: { code: true, name: true, attrs: true } }) : [],
    ]);
    for (const x of s) this.suppliers.set(x.id, x.name);
    for (const x of e) {
      this.people.set(x.id, x.name);
      this.people.set(x.username, x.name);
    }
    for (const x of g) this.groups.set(x.key, { zh: x.nameZh, en: x.nameEn });
    for (const x of u) {
      const attrs = (x.attrs ?? {}) as { nameEn?: unknown; symbol?: unknown };
      this.units.set(x.code, { zh: x.name, en: typeof attrs.nameEn === "string" ? attrs.nameEn : typeof attrs.symbol === "string" ? attrs.symbol : x.code });
    }
    return this;
  }

  supplier = (id: string) => this.suppliers.get(id);
  person = (idOrUsername: string) => this.people.get(idOrUsername) ?? this.people.get(idOrUsername.toLowerCase());
  group = (key: string) => this.groups.get(key);
  unit = (code: string) => this.units.get(code) ?? { zh: code, en: code };
}

function groupKeys(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return list.map((g) => String(g).trim()).filter(Boolean);
}

const same = (s: string): DisplayValue => ({ kind: "text", zh: s, en: s });
const number = (n: number, locale: string) => n.toLocaleString(locale, { maximumFractionDigits: 4 });

function dateText(value: unknown, withTime: boolean): DisplayValue | null {
  const d = typeof value === "string" || typeof value === "number" ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) return null;
  const opts: Intl.DateTimeFormatOptions = withTime ? { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" } : { dateStyle: "medium", timeZone: "Asia/Shanghai" };
  return { kind: "text", zh: d.toLocaleString("zh-CN", opts), en: d.toLocaleString("en", opts) };
}

/**
 * A value as people read it: dates in the company's zone, money with its currency,
 * people, groups and suppliers by name, lines as a table with their units' names.
 * Null when there is nothing a person could read in it (an id that names nothing, an
 * object of the runtime): such a value is not shown at all.
 */
export function formatValue(type: DisplayType, value: unknown, lookups: Lookups, options?: { value: string; labelZh: string; labelEn: string }[], currency = "CNY"): DisplayValue | null {
  if (value === null || value === undefined || value === "") return null;
  switch (type) {
    case "number":
      return typeof value === "number" ? { kind: "text", zh: number(value, "zh-CN"), en: number(value, "en") } : same(String(value));
    case "money":
      if (typeof value !== "number") return same(String(value));
      return { kind: "text", zh: value.toLocaleString("zh-CN", { style: "currency", currency }), en: value.toLocaleString("en", { style: "currency", currency }) };
    case "date":
      return dateText(value, false);
    case "datetime":
      return dateText(value, true);
    case "boolean":
      return value === true || value === "true" ? { kind: "text", zh: "是", en: "Yes" } : { kind: "text", zh: "否", en: "No" };
    case "person": {
      const name = typeof value === "string" ? lookups.person(value) : undefined;
      return name ? same(name) : null;
    }
    case "group": {
      const names = groupKeys(value).map((k) => lookups.group(k) ?? { zh: k, en: k });
      return names.length ? { kind: "text", zh: names.map((n) => n.zh).join("、"), en: names.map((n) => n.en).join(", ") } : null;
    }
    case "supplier": {
      const name = typeof value === "string" ? lookups.supplier(value) : undefined;
      return name ? same(name) : null;
    }
    case "lines": {
      const rows = Array.isArray(value) ? value.filter(isLineRow) : [];
      if (!rows.length) return null;
      return { kind: "lines", rows: rows.map((r) => ({ item: r.label, quantity: r.quantity, ...unitNames(lookups.unit(r.unit)), ...compared(r) })) };
    }
    case "changes": {
      const rows = Array.isArray(value) ? value.filter(isChangeRow) : [];
      return rows.length ? { kind: "changes", rows: rows.map((r) => ({ labelZh: r.labelZh, labelEn: r.labelEn, from: r.from, to: r.to, bank: r.bank === true })) } : null;
    }
    case "select":
    case "decision": {
      const o = options?.find((x) => x.value === value);
      return o ? { kind: "text", zh: o.labelZh, en: o.labelEn } : same(String(value));
    }
    default:
      // A structure in a text field is the runtime's, not something to read.
      return typeof value === "object" ? null : same(String(value).slice(0, 4000));
  }
}

const unitNames = (u: { zh: string; en: string }) => ({ unitZh: u.zh, unitEn: u.en });

/** A "lines" form answer ({ row key: quantity }) against the rows it answers, as a table; an answer of dates per row ({ row key: day }) as each row with its quantity and the day given. */
export function formatLineAnswers(answers: unknown, rows: LineRow[], lookups: Lookups): DisplayValue | null {
  if (!answers || typeof answers !== "object") return null;
  const given = answers as Record<string, unknown>;
  const dated = rows.filter((r) => dayOrNull(given[r.key]));
  if (dated.length) return { kind: "lines", rows: dated.map((r) => ({ item: r.label, quantity: r.quantity, ...unitNames(lookups.unit(r.unit)), date: dayOrNull(given[r.key]) })) };
  const shown = rows.filter((r) => typeof given[r.key] === "number");
  if (!shown.length) return null;
  return { kind: "lines", rows: shown.map((r) => ({ item: r.label, quantity: given[r.key] as number, ...unitNames(lookups.unit(r.unit)) })) };
}
