import "server-only";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import type { BinChoice, FormField, LineRow, LotRow, LotStage } from "./forms";

/**
 * The "lots" form field (form-js component lotTable): a receiving step's table of
 * delivery lines and their lots. What a row holds and what is submitted depends on
 * the field's stage:
 * - notice (the supplier ships): rows are the plan's lines; per line the shipped
 *   quantity and its lots { lotNumber, quantity };
 * - count (the warehouse counts): rows are the lots; per lot the counted quantity;
 * - inspect (quality): per lot the sampled quantity, the result, the rejected
 *   quantity, a defect type (the field's options) and a note;
 * - putaway: per lot with something accepted, a location and one of its bins
 *   (the choices are the instance variable named by optionsFrom);
 * - summary: shows the rows (places named from optionsFrom, defects from the
 *   field's options), submits nothing.
 * The rows are instance variables written by the flow's service steps, so the checks
 * here are against what the server recorded, never what the browser sent.
 */
export const LOT_STAGES: readonly LotStage[] = ["notice", "count", "inspect", "putaway", "summary"];
const INSPECTION_RESULTS = ["pass", "fail", "concession"] as const;

const qty = z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number({ error: "validation.lines_incomplete" }).min(0, "validation.number_out_of_range").max(1e9, "validation.number_out_of_range"));
const text = (max: number) => z.string().trim().max(max, `validation.too_long?max=${max}`);

const NOTICE = z.object({ shipped: qty, lots: z.array(z.object({ lotNumber: text(40), quantity: qty })).max(20, "validation.invalid_value") });
const COUNT = z.object({ counted: qty });
const INSPECT = z.object({ sampled: qty, result: z.enum(INSPECTION_RESULTS, "validation.inspection_invalid"), rejected: qty, defect: text(40).optional(), note: text(500).optional() });
const PUTAWAY = z.object({ location: text(60).min(1, "validation.bin_not_in_location"), bin: text(60).min(1, "validation.bin_not_in_location") });

const VALUE = { notice: NOTICE, count: COUNT, inspect: INSPECT, putaway: PUTAWAY } as const;

/** What the browser needs to draw the field, from the instance's variables. */
export function lotFieldRows(f: FormField, variables: Record<string, unknown>): { lotRows?: LotRow[]; binChoices?: BinChoice[] } {
  const raw = f.linesFrom ? variables[f.linesFrom] : undefined;
  if (f.lotStage === "notice") return {};
  const rows = (Array.isArray(raw) ? raw : []).filter((r): r is LotRow => !!r && typeof (r as LotRow).key === "string" && typeof (r as LotRow).lotNumber === "string");
  const lotRows = f.lotStage === "putaway" ? rows.filter((r) => (r.accepted ?? 0) > 0) : rows;
  const choices = f.optionsFrom ? variables[f.optionsFrom] : undefined;
  return { lotRows, ...(f.optionsFrom ? { binChoices: Array.isArray(choices) ? (choices as BinChoice[]) : [] } : {}) };
}

class LotErrors {
  message?: string;
  readonly where: string[] = [];
  add(message: string, where: string) {
    this.message ??= message;
    if (message === this.message && !this.where.includes(where)) this.where.push(where);
  }
}

const lotName = (r: { label: string; lotNumber: string }) => `${r.label} ${r.lotNumber}`;

/**
 * Checks a "lots" field's value against its rows and returns it cleaned; a wrong value
 * is an AppError("validation") naming the field, with the lines concerned in params.lines.
 */
export function checkLotField(f: FormField, value: unknown, variables: Record<string, unknown>, lineRows: LineRow[]): unknown {
  const stage = f.lotStage ?? "summary";
  if (stage === "summary") return undefined;
  const schema = VALUE[stage];
  const given = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const rows: { key: string; label: string; lotNumber: string }[] = stage === "notice" ? lineRows.map((r) => ({ ...r, lotNumber: "" })) : (lotFieldRows(f, variables).lotRows ?? []);
  const fail = (message: string, lines?: string) => new AppError("validation", { fieldErrors: { [f.name]: message }, ...(lines ? { params: { lines } } : {}) });
  if (!given || Object.keys(given).some((k) => !rows.some((r) => r.key === k))) throw fail("validation.invalid_value");
  const out: Record<string, unknown> = {};
  const errors = new LotErrors();
  for (const r of rows) {
    const where = stage === "notice" ? r.label : lotName(r);
    if (given[r.key] === undefined || given[r.key] === null) {
      errors.add("validation.lines_incomplete", where);
      continue;
    }
    const parsed = schema.safeParse(given[r.key]);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "";
      errors.add(message.startsWith("validation.") ? message : "validation.invalid_value", where);
      continue;
    }
    out[r.key] = parsed.data;
  }
  if (!errors.message) {
    if (stage === "notice") checkNotice(out as Record<string, z.infer<typeof NOTICE>>, lineRows, errors);
    if (stage === "inspect") checkInspection(out as Record<string, z.infer<typeof INSPECT>>, lotFieldRows(f, variables).lotRows ?? [], f, errors);
    if (stage === "putaway") checkPutAway(out as Record<string, z.infer<typeof PUTAWAY>>, lotFieldRows(f, variables), errors);
  }
  if (errors.message) throw fail(errors.message, errors.where.join("；"));
  return out;
}

function checkNotice(value: Record<string, z.infer<typeof NOTICE>>, rows: LineRow[], errors: LotErrors) {
  for (const r of rows) {
    const { shipped, lots } = value[r.key];
    if (shipped > r.quantity) errors.add("validation.lot_over_plan", `${r.label}（${shipped} > ${r.quantity}）`);
    if (shipped > 0 && lots.length === 0) errors.add("validation.lot_number_required", r.label);
    if (lots.some((l) => !l.lotNumber)) errors.add("validation.lot_number_required", r.label);
    const numbers = lots.map((l) => l.lotNumber.toUpperCase());
    if (new Set(numbers).size !== numbers.length) errors.add("validation.lot_duplicate", r.label);
    if (lots.some((l) => l.quantity <= 0)) errors.add("validation.lot_sum_mismatch", r.label);
    const sum = lots.reduce((n, l) => n + l.quantity, 0);
    if (Math.abs(sum - shipped) > 1e-9) errors.add("validation.lot_sum_mismatch", `${r.label}（${sum} ≠ ${shipped}）`);
  }
  if (!errors.message && rows.every((r) => value[r.key].shipped === 0)) errors.add("validation.lot_nothing_shipped", "");
}

function checkInspection(value: Record<string, z.infer<typeof INSPECT>>, rows: LotRow[], f: FormField, errors: LotErrors) {
  const defects = new Set((f.options ?? []).map((o) => o.value));
  for (const r of rows) {
    const v = value[r.key];
    const counted = r.counted ?? r.shipped;
    if (v.sampled > counted || v.rejected > counted) errors.add("validation.inspection_invalid", `${lotName(r)}（${Math.max(v.sampled, v.rejected)} > ${counted}）`);
    if (v.result === "pass" && v.rejected > 0) errors.add("validation.inspection_invalid", lotName(r));
    if (v.result === "fail" && v.rejected <= 0) errors.add("validation.inspection_invalid", lotName(r));
    if (v.result !== "pass" && !v.defect) errors.add("validation.defect_required", lotName(r));
    if (v.defect && !defects.has(v.defect)) errors.add("validation.invalid_option", lotName(r));
    if (v.result === "pass") delete v.defect;
  }
}

function checkPutAway(value: Record<string, z.infer<typeof PUTAWAY>>, field: ReturnType<typeof lotFieldRows>, errors: LotErrors) {
  for (const r of field.lotRows ?? []) {
    const v = value[r.key];
    const location = field.binChoices?.find((c) => c.location === v.location);
    if (!location || !location.bins.some((b) => b.code === v.bin)) errors.add("validation.bin_not_in_location", lotName(r));
  }
}
