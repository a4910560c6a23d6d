import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { publishedForm } from "../../workflow/form-store";

/** A value as the diff shows it: never JSON; the page words each kind. */
export type DiffValue =
  | { kind: "none" }
  | { kind: "bool"; value: boolean }
  | { kind: "text"; value: string }
  | { kind: "options"; labels: string[] }
  | { kind: "other" };

export type DiffField = { id: string; key: string | null; label: string | null; type: string };
/** `path`: the property in the schema ("label", "validate.min", "conditional.hide", "properties.labelEn"). */
export type PropertyChange = { path: string; from: DiffValue; to: DiffValue };
export type FormDiff = {
  /** Form-level changes: titleZh, titleEn, rules. */
  form: PropertyChange[];
  added: DiffField[];
  removed: DiffField[];
  changed: (DiffField & { changes: PropertyChange[] })[];
  /** Same field, other place in the order. */
  moved: DiffField[];
};

type Component = Record<string, unknown> & { type?: unknown; id?: unknown; key?: unknown; components?: unknown };
type Side = { titleZh: string; titleEn: string; schema: unknown };

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === "string" && v ? v : null);
/** Properties that are the editor's bookkeeping, not the form: a layout row id changes on every drag. */
const IGNORED = new Set(["id", "components", "layout.row"]);

function flatten(components: unknown, out: Component[] = []): Component[] {
  for (const raw of Array.isArray(components) ? components : []) {
    const c = record(raw) as Component;
    out.push(c);
    if (Array.isArray(c.components)) flatten(c.components, out);
  }
  return out;
}

function identity(c: Component, i: number) {
  return str(c.id) ?? (str(c.key) ? `key:${c.key}` : `#${i}:${String(c.type)}`);
}

function describe(c: Component, id: string): DiffField {
  return { id, key: str(c.key), label: str(c.label) ?? str(c.dateLabel) ?? str(c.text)?.replace(/^#+\s*/, "").slice(0, 40) ?? null, type: String(c.type ?? "") };
}

/** Nested objects as dotted paths; arrays stay whole (option lists compare as lists). */
function paths(o: Record<string, unknown>, prefix = "", out = new Map<string, unknown>()) {
  for (const [k, v] of Object.entries(o)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) paths(v as Record<string, unknown>, path, out);
    else out.set(path, v);
  }
  return out;
}

function shown(v: unknown): DiffValue {
  if (v === undefined || v === null || v === "") return { kind: "none" };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (typeof v === "number" || typeof v === "string") return { kind: "text", value: String(v) };
  if (Array.isArray(v) && v.every((x) => x && typeof x === "object" && "value" in (x as object))) {
    return { kind: "options", labels: v.map((x) => String(record(x).label ?? record(x).value)) };
  }
  return { kind: "other" };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changes(a: Record<string, unknown>, b: Record<string, unknown>): PropertyChange[] {
  const pa = paths(a);
  const pb = paths(b);
  const all = [...new Set([...pa.keys(), ...pb.keys()])].filter((p) => !IGNORED.has(p));
  return all.filter((p) => !same(pa.get(p), pb.get(p)) && !(shown(pa.get(p)).kind === "none" && shown(pb.get(p)).kind === "none")).map((path) => ({ path, from: shown(pa.get(path)), to: shown(pb.get(path)) }));
}

/** Ids in both versions whose order changed: those outside the longest common subsequence. */
function movedIds(a: string[], b: string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const len = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]);
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return new Set(a.filter((id) => !kept.has(id)));
}

/** Field by field: which components were added, removed, changed (and in which properties) or moved. */
export function diffFormSchemas(from: Side, to: Side): FormDiff {
  const form: PropertyChange[] = [];
  if (from.titleZh !== to.titleZh) form.push({ path: "titleZh", from: shown(from.titleZh), to: shown(to.titleZh) });
  if (from.titleEn !== to.titleEn) form.push({ path: "titleEn", from: shown(from.titleEn), to: shown(to.titleEn) });
  if (!same(record(from.schema).rules ?? [], record(to.schema).rules ?? [])) form.push({ path: "rules", from: { kind: "other" }, to: { kind: "other" } });

  const index = (schema: unknown) => {
    const map = new Map<string, Component>();
    flatten(record(schema).components).forEach((c, i) => map.set(identity(c, i), c));
    return map;
  };
  const a = index(from.schema);
  const b = index(to.schema);
  const common = [...a.keys()].filter((id) => b.has(id));
  const moved = movedIds(common, [...b.keys()].filter((id) => a.has(id)));
  const diff: FormDiff = { form, added: [], removed: [], changed: [], moved: [] };
  for (const [id, c] of b) if (!a.has(id)) diff.added.push(describe(c, id));
  for (const [id, c] of a) if (!b.has(id)) diff.removed.push(describe(c, id));
  for (const id of common) {
    const list = changes(a.get(id)!, b.get(id)!);
    if (list.length) diff.changed.push({ ...describe(b.get(id)!, id), changes: list });
    if (moved.has(id)) diff.moved.push(describe(b.get(id)!, id));
  }
  return diff;
}

/** The difference between two published versions of a form. */
export async function diffFormVersions(db: Db, actor: EmployeeActor, key: string, fromVersion: number, toVersion: number) {
  requirePermission(actor, "process.design");
  const [older, newer] = await Promise.all([publishedForm(db, key, fromVersion), publishedForm(db, key, toVersion)]);
  if (!older || !newer || older.version !== fromVersion || newer.version !== toVersion) throw new AppError("form_not_found");
  return { key, from: fromVersion, to: toVersion, diff: diffFormSchemas(older, newer) };
}
