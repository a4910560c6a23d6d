import "server-only";
import { AppError } from "../errors/app-error";
import { feelProblem } from "./feel-cost";
import { patternProblem } from "./feel-regex";
import { LOT_STAGES } from "./form-lots";
import type { FormDefinition, FormField, FormRule, LotStage } from "./forms";

/**
 * Forms are stored as form-js schemas (bpmn.io's JSON form format, designed in the
 * app's form designer, shipped as processes/forms/*.form). The runtime works on the
 * FormDefinition compiled from one: the task pages render it and the server
 * validates every submission against it. The form-js `label` is the Chinese label,
 * `properties.labelEn` the English one.
 */
export type FormJsComponent = Record<string, unknown> & { type: string; id?: string; key?: string; label?: string };
export type FormJsSchema = { type: "default"; id?: string; components: FormJsComponent[]; schemaVersion?: number; exporter?: unknown; rules?: unknown[] };

const SCHEMA_VERSION = 19;
/** Components that show something but submit nothing. */
const PRESENTATION = new Set(["text", "html", "image", "spacer", "separator", "table"]);
const MAX_COMPONENTS = 200;
const KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const invalid = (reason: string) => new AppError("form_schema_invalid", { params: { reason } });
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const record = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

type Option = { value: string; labelZh: string; labelEn: string };

function optionsOf(c: FormJsComponent, name: string): Option[] {
  const values = Array.isArray(c.values) ? c.values : [];
  if (values.length === 0) throw invalid(`${name}: no options`);
  return values.map((v) => {
    const o = record(v);
    const value = o.value === undefined || o.value === null ? "" : String(o.value);
    if (!value) throw invalid(`${name}: an option without a value`);
    const labelZh = str(o.label) ?? value;
    return { value, labelZh, labelEn: str(o.labelEn) ?? labelZh };
  });
}

const FIELD_TYPES: Record<string, FormField["type"]> = {
  textfield: "text",
  textarea: "textarea",
  number: "number",
  datetime: "date",
  select: "select",
  radio: "select",
  checkbox: "boolean",
  checklist: "checklist",
  supplier: "supplier",
  member: "member",
  decision: "decision",
  lineQuantities: "lines",
  lotTable: "lots",
};

function compileField(c: FormJsComponent): FormField {
  const type = FIELD_TYPES[c.type];
  const name = str(c.key) ?? "";
  if (!type) throw invalid(`${c.label ?? name ?? c.id}: the component type "${c.type}" is not supported`);
  if (!KEY.test(name)) throw invalid(`${c.label ?? c.id}: the key "${name}" must start with a letter and use letters, digits and _ only`);
  const props = record(c.properties);
  const validate = record(c.validate);
  const labelZh = str(c.type === "datetime" ? (c.dateLabel ?? c.label) : c.label) ?? name;
  const field: FormField = { name, type, labelZh, labelEn: str(props.labelEn) ?? labelZh };
  if (validate.required === true) field.required = true;
  const hide = str(record(c.conditional).hide);
  if (hide?.startsWith("=") && hide.slice(1).trim()) {
    const expr = hide.slice(1).trim();
    const problem = feelProblem(expr);
    if (problem) throw invalid(`${labelZh}: the condition "${expr}" cannot be used (${problem.code})`);
    field.hideIf = expr;
  }
  if (c.type === "datetime" && (c.subtype ?? "date") !== "date") throw invalid(`${labelZh}: only dates are supported, not times`);
  if (type === "number" || type === "lines") {
    if (num(validate.min) !== undefined) field.min = num(validate.min);
    if (num(validate.max) !== undefined) field.max = num(validate.max);
  }
  if (type === "text" || type === "textarea") {
    if (num(validate.minLength) !== undefined) field.minLength = num(validate.minLength);
    if (num(validate.maxLength) !== undefined) field.maxLength = num(validate.maxLength);
    const pattern = str(validate.pattern);
    if (pattern) {
      const problem = patternProblem(pattern);
      if (problem) throw invalid(`${labelZh}: the pattern cannot be used (${problem})`);
      field.pattern = pattern;
    }
    if (validate.validationType === "email" || validate.validationType === "phone") field.format = validate.validationType;
  }
  if (c.type === "radio") field.widget = "radio";
  if (type === "select" || type === "checklist") field.options = optionsOf(c, labelZh);
  if (type === "decision" && Array.isArray(c.values) && c.values.length) field.options = optionsOf(c, labelZh);
  if (type === "lines") {
    const linesFrom = str(c.linesFrom) ?? str(props.linesFrom);
    if (!linesFrom || !KEY.test(linesFrom)) throw invalid(`${labelZh}: which lines (linesFrom) is missing`);
    field.linesFrom = linesFrom;
    if (c.rowMax === true || props.rowMax === "true") field.rowMax = true;
    const rowStart = str(c.rowStart) ?? str(props.rowStart);
    if (rowStart === "zero") field.rowStart = "zero";
    const rowQuantity = str(c.rowQuantity) ?? str(props.rowQuantity);
    if (rowQuantity === "planned") field.rowQuantity = "planned";
    const rowInput = str(c.rowInput) ?? str(props.rowInput);
    if (rowInput === "date") {
      field.rowInput = "date";
      delete field.rowMax;
      delete field.min;
      delete field.max;
    }
  }
  if (type === "lots") {
    const linesFrom = str(c.linesFrom) ?? str(props.linesFrom);
    if (!linesFrom || !KEY.test(linesFrom)) throw invalid(`${labelZh}: which lines (linesFrom) is missing`);
    field.linesFrom = linesFrom;
    const stage = str(c.lotStage) ?? str(props.lotStage);
    if (!stage || !LOT_STAGES.includes(stage as LotStage)) throw invalid(`${labelZh}: the receiving step (lotStage) must be one of ${LOT_STAGES.join(", ")}`);
    field.lotStage = stage as LotStage;
    const optionsFrom = str(c.optionsFrom) ?? str(props.optionsFrom);
    if (optionsFrom && KEY.test(optionsFrom)) field.optionsFrom = optionsFrom;
    if (stage === "putaway" && !field.optionsFrom) throw invalid(`${labelZh}: the put-away choices (optionsFrom) are missing`);
    if (Array.isArray(c.values) && c.values.length) field.options = optionsOf(c, labelZh);
  }
  return field;
}

/** Fields in order, containers (group) flattened; presentation components dropped. */
function flatten(components: unknown[], depth = 0): FormJsComponent[] {
  if (depth > 3) throw invalid("containers nested too deep");
  return components.flatMap((raw) => {
    const c = record(raw) as FormJsComponent;
    if (typeof c.type !== "string") throw invalid("a component without a type");
    if (c.type === "group") return flatten(Array.isArray(c.components) ? c.components : [], depth + 1);
    if (c.type === "dynamiclist" || c.type === "filepicker" || c.type === "iframe" || c.type === "taglist") throw invalid(`${str(c.label) ?? c.type}: the component type "${c.type}" is not supported`);
    return PRESENTATION.has(c.type) ? [] : [c];
  });
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function compileRules(raw: unknown, names: Set<string>): FormRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalid("rules must be a list");
  return raw.map((r) => {
    const o = record(r);
    const message = str(o.message) ?? "validation.invalid_value";
    if (!/^validation\.[a-z_]+$/.test(message)) throw invalid(`a rule message "${message}" is not a validation message`);
    if (o.kind === "required_when") {
      const when = record(o.when);
      const field = str(o.field) ?? "";
      if (!names.has(field) || !names.has(str(when.field) ?? "")) throw invalid("a required_when rule names an unknown field");
      return { kind: "required_when", field, when: { field: String(when.field), equals: String(when.equals ?? "") }, message };
    }
    if (o.kind === "lines_sum_max") {
      const fields = Array.isArray(o.fields) ? o.fields.map(String) : [];
      if (fields.length === 0 || fields.some((f) => !names.has(f))) throw invalid("a lines_sum_max rule names an unknown field");
      return { kind: "lines_sum_max", fields, message };
    }
    if (o.kind === "date_not_past") {
      const field = str(o.field) ?? "";
      if (!names.has(field)) throw invalid("a date_not_past rule names an unknown field");
      return { kind: "date_not_past", field, message };
    }
    if (o.kind === "at_least" || o.kind === "at_most") {
      const field = str(o.field) ?? "";
      const value = str(o.value) ?? "";
      const limit = str(o.limit) ?? "";
      const when = o.when === undefined ? undefined : record(o.when);
      if (!names.has(field) || (when && !names.has(str(when.field) ?? ""))) throw invalid(`an ${o.kind} rule names an unknown field`);
      if (!NAME.test(value) || !NAME.test(limit)) throw invalid(`an ${o.kind} rule needs the names of a value and a limit`);
      return { kind: o.kind, field, value, limit, ...(when ? { when: { field: String(when.field), equals: String(when.equals ?? "") } } : {}), message };
    }
    throw invalid(`unknown rule "${String(o.kind)}"`);
  });
}

/** The runtime form of a stored schema; refuses what the runtime cannot check, with the reason. */
export function compileFormJs(key: string, titleZh: string, titleEn: string, schema: unknown): FormDefinition {
  const root = record(schema);
  if (root.type !== "default" || !Array.isArray(root.components)) throw invalid("not a form-js schema (type default with components)");
  const components = flatten(root.components);
  if (components.length > MAX_COMPONENTS) throw invalid(`more than ${MAX_COMPONENTS} fields`);
  const fields = components.map(compileField);
  const names = new Set<string>();
  for (const f of fields) {
    if (names.has(f.name)) throw invalid(`the key "${f.name}" is used twice`);
    names.add(f.name);
  }
  const rules = compileRules(root.rules, names);
  return { key, titleZh, titleEn, fields, ...(rules.length ? { rules } : {}) };
}

/** A schema as the form designer writes it, from a runtime definition (used for the shipped forms' files). */
export function formJsSchema(def: FormDefinition): FormJsSchema {
  const components = def.fields.map((f): FormJsComponent => {
    const type = f.type === "text" ? "textfield" : f.type === "date" ? "datetime" : f.type === "boolean" ? "checkbox" : f.type === "lines" ? "lineQuantities" : f.type === "lots" ? "lotTable" : f.type === "select" && f.widget === "radio" ? "radio" : f.type;
    const validate: Record<string, unknown> = {};
    if (f.required) validate.required = true;
    for (const k of ["min", "max", "minLength", "maxLength", "pattern"] as const) if (f[k] !== undefined) validate[k] = f[k];
    const c: FormJsComponent = { type, id: `Field_${f.name}`, key: f.name, label: f.labelZh };
    if (type === "datetime") Object.assign(c, { subtype: "date", dateLabel: f.labelZh });
    if (Object.keys(validate).length) c.validate = validate;
    if (f.options) c.values = f.options.map((o) => ({ label: o.labelZh, value: o.value, labelEn: o.labelEn }));
    if (f.hideIf) c.conditional = { hide: `=${f.hideIf}` };
    if (type === "lineQuantities") Object.assign(c, { linesFrom: f.linesFrom, ...(f.rowMax ? { rowMax: true } : {}), ...(f.rowStart ? { rowStart: f.rowStart } : {}), ...(f.rowQuantity ? { rowQuantity: f.rowQuantity } : {}), ...(f.rowInput === "date" ? { rowInput: "date" } : {}) });
    if (type === "lotTable") Object.assign(c, { linesFrom: f.linesFrom, lotStage: f.lotStage, ...(f.optionsFrom ? { optionsFrom: f.optionsFrom } : {}) });
    c.properties = { labelEn: f.labelEn };
    return c;
  });
  return { type: "default", id: def.key, components, schemaVersion: SCHEMA_VERSION, ...(def.rules?.length ? { rules: def.rules } : {}) };
}
