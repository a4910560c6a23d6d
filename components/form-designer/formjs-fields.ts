/*
 * form-js field types of the product, for the designer (FormEditor) and its preview
 * (Form): one module registers them in both. form-js renders with preact, so these
 * components are written with preact's `h` (TSX here compiles to React).
 *
 * The module also re-registers the built-in types the server understands under the
 * names of the UI language (form-js has no translation service: the palette and the
 * properties panel show `config.name`, and `config.label` becomes a new field's
 * label), and drops the types it does not (compileFormJs refuses them) from the palette.
 */
import { Checkbox, Checklist, Datetime, Description, Errors, FormContext, Label, Numberfield, Radio, Select, Text, Textarea, Textfield, iconsByType } from "@bpmn-io/form-js-viewer";
import { h, type ComponentChildren } from "preact";
import { useContext } from "preact/hooks";

/** What the designer's fields say, in the UI language (messages forms.fields). */
export type FieldTexts = {
  types: Record<DesignerType, string>;
  option: string;
  date: string;
  text: string;
  approve: string;
  reject: string;
  line: string;
  ordered: string;
  planned: string;
  quantity: string;
  /** Shown in the designer, where no order is at hand: "the rows of {variable} appear here". */
  rowsHint: string;
  /** The same for a receiving lots table: its step ({stage}) and rows ({variable}). */
  lotsHint: string;
  /** English words of the decision's options, stored with them for the English UI. */
  approveEn: string;
  rejectEn: string;
};

/** The types the palette offers: those compileFormJs turns into server-checked fields (plus display text). */
export type DesignerType = "textfield" | "textarea" | "number" | "datetime" | "select" | "radio" | "checkbox" | "checklist" | "text" | "supplier" | "member" | "decision" | "lineQuantities" | "lotTable";

/** Where lineQuantities rows come from: the instance variables the order and delivery flows fill. */
export const LINE_SOURCES = ["orderLineItems", "planLineItems"] as const;

type Props = {
  field: Record<string, unknown> & { id: string; label?: string; description?: string; validate?: { required?: boolean } };
  value: unknown;
  onChange: (change: { value: unknown }) => void;
  errors: string[];
  disabled?: boolean;
  readonly?: boolean;
  domId: string;
};
type Config = Record<string, unknown> & { type: string; create: (options?: Record<string, unknown>, isNewField?: boolean) => Record<string, unknown> };
type FieldComponent = ((props: Props) => ComponentChildren) & { config: Config };
type FormFields = { _formFields: Record<string, FieldComponent>; register: (type: string, c: FieldComponent) => void };
type LineRow = { key: string; label: string; quantity: number; unit?: string; date?: string };

/** A built-in component under another config: calling it keeps its hooks in the wrapper. */
function wrap(component: unknown, config: Partial<Config> & { type: string }, props?: (p: Props) => Props): FieldComponent {
  const base = component as FieldComponent;
  const wrapped = ((p: Props) => base(props ? props(p) : p)) as FieldComponent;
  // A copy: base.config is shared by every editor and viewer on the page.
  wrapped.config = { ...base.config, ...config } as Config;
  return wrapped;
}

const isDefaultOptions = (v: unknown) => Array.isArray(v) && v.length === 1 && (v[0] as { value?: unknown }).value === "value";

function LineQuantities(texts: FieldTexts) {
  function Component(p: Props) {
    const { getService } = useContext(FormContext) as { getService: (name: string, strict?: boolean) => { _getState?: () => { initialData?: Record<string, unknown> } } | null };
    const linesFrom = typeof p.field.linesFrom === "string" ? p.field.linesFrom : "";
    let rows: LineRow[] = [];
    try {
      const data = getService("form", false)?._getState?.().initialData ?? {};
      if (Array.isArray(data[linesFrom])) rows = data[linesFrom] as LineRow[];
    } catch {
      // The designer's canvas has no data: the hint row stands in.
    }
    // A row takes a quantity, or (rowInput "date") a calendar day, e.g. a proposed delivery date per order line.
    const dates = p.field.rowInput === "date";
    const value = p.value && typeof p.value === "object" ? (p.value as Record<string, number | string | null>) : {};
    const start = (r: LineRow) => (dates ? (r.date ?? "") : p.field.rowStart === "zero" ? 0 : r.quantity);
    const shown = (r: LineRow) => (r.key in value ? value[r.key] : start(r));
    const set = (r: LineRow, raw: string) => {
      const next = Object.fromEntries(rows.map((x) => [x.key, shown(x)]));
      next[r.key] = raw === "" ? null : dates ? raw : Number(raw);
      p.onChange({ value: next });
    };
    const cell = "fjs-ff-lines-cell";
    const body = rows.length
      ? rows.map((r) =>
          h("tr", { key: r.key }, [
            h("td", { class: cell }, r.label),
            h("td", { class: `${cell} fjs-ff-lines-num` }, `${r.quantity}${r.unit ? ` ${r.unit}` : ""}`),
            h(
              "td",
              { class: cell },
              h("input", {
                class: "fjs-input",
                type: dates ? "date" : "number",
                min: dates ? undefined : typeof (p.field.validate as { min?: unknown } | undefined)?.min === "number" ? (p.field.validate as { min: number }).min : 0,
                max: !dates && p.field.rowMax ? r.quantity : undefined,
                value: shown(r) ?? "",
                disabled: p.disabled,
                readOnly: p.readonly,
                "aria-label": `${r.label} ${p.field.label ?? ""}`,
                onInput: (e: Event) => set(r, (e.target as HTMLInputElement).value),
              }),
            ),
          ]),
        )
      : [h("tr", null, h("td", { class: cell, colSpan: 3 }, texts.rowsHint.replace("{variable}", linesFrom || "—")))];
    return h("div", { class: `fjs-form-field fjs-form-field-lineQuantities${p.errors.length ? " fjs-has-errors" : ""}` }, [
      h(Label as never, { htmlFor: p.domId, label: p.field.label, required: !!p.field.validate?.required }),
      h("table", { class: "fjs-ff-lines", id: p.domId }, [
        h("thead", null, h("tr", null, [h("th", null, texts.line), h("th", null, p.field.rowQuantity === "planned" ? texts.planned : texts.ordered), h("th", null, dates ? texts.date : texts.quantity)])),
        h("tbody", null, body),
      ]),
      h(Description as never, { description: p.field.description }),
      h(Errors as never, { errors: p.errors, id: `${p.domId}-error-message` }),
    ]);
  }
  Component.config = {
    type: "lineQuantities",
    keyed: true,
    name: texts.types.lineQuantities,
    label: texts.types.lineQuantities,
    group: "basic-input",
    icon: iconsByType("number"),
    // Rows left alone keep their start value: an empty object, not "missing".
    emptyValue: {},
    create: (o: Record<string, unknown> = {}) => ({ linesFrom: LINE_SOURCES[0], rowMax: true, ...o }),
    propertiesPanelEntries: ["key", "label", "description", "required", "min", "max"],
  } satisfies Config;
  return Component as FieldComponent;
}

/**
 * The receiving steps' table (lotTable, lib/workflow/form-lots.ts): its step and rows are set
 * in the shipped form file; the designer shows where it sits, the task page draws it.
 */
function LotTable(texts: FieldTexts) {
  function Component(p: Props) {
    const hint = texts.lotsHint.replace("{stage}", String(p.field.lotStage ?? "—")).replace("{variable}", String(p.field.linesFrom ?? "—"));
    return h("div", { class: `fjs-form-field fjs-form-field-lotTable${p.errors.length ? " fjs-has-errors" : ""}` }, [
      h(Label as never, { htmlFor: p.domId, label: p.field.label, required: !!p.field.validate?.required }),
      h("div", { class: "fjs-ff-lines", id: p.domId }, hint),
      h(Description as never, { description: p.field.description }),
      h(Errors as never, { errors: p.errors, id: `${p.domId}-error-message` }),
    ]);
  }
  Component.config = {
    type: "lotTable",
    keyed: true,
    name: texts.types.lotTable,
    label: texts.types.lotTable,
    group: "basic-input",
    icon: iconsByType("number"),
    emptyValue: {},
    create: (o: Record<string, unknown> = {}) => ({ linesFrom: "lotRows", lotStage: "count", ...o }),
    propertiesPanelEntries: ["key", "label", "description", "required"],
  } satisfies Config;
  return Component as FieldComponent;
}

/** The product's types and the built-in ones, named in `texts`' language. */
function designerFields(texts: FieldTexts): Record<DesignerType, FieldComponent> {
  const named = (type: DesignerType) => ({ type, name: texts.types[type], label: texts.types[type] });
  const withOptions = (component: unknown, type: DesignerType) => {
    const base = (component as FieldComponent).config;
    return wrap(component, {
      ...named(type),
      create: (o = {}) => {
        const field = base.create(o);
        return isDefaultOptions(field.values) ? { ...field, values: [{ label: texts.option, value: "option1" }] } : field;
      },
    });
  };
  const decisionValues = [
    { label: texts.approve, value: "approve", labelEn: texts.approveEn },
    { label: texts.reject, value: "reject", labelEn: texts.rejectEn },
  ];
  return {
    textfield: wrap(Textfield, named("textfield")),
    textarea: wrap(Textarea, named("textarea")),
    number: wrap(Numberfield, named("number")),
    datetime: wrap(Datetime, {
      ...named("datetime"),
      // Dates only: the server stores days, not times.
      create: (o = {}, isNew) => ({ subtype: "date", ...(isNew ? { dateLabel: texts.date } : {}), ...o }),
    }),
    select: withOptions(Select, "select"),
    radio: withOptions(Radio, "radio"),
    checkbox: wrap(Checkbox, named("checkbox")),
    checklist: withOptions(Checklist, "checklist"),
    text: wrap(Text, { ...named("text"), label: undefined, create: (o = {}) => ({ text: texts.text, ...o }) }),
    // Options are the active suppliers, filled in where the form is shown (import data `suppliers`).
    supplier: wrap(
      Select,
      { ...named("supplier"), group: "selection", icon: iconsByType("select"), create: (o = {}) => ({ key: "supplierId", ...o }), propertiesPanelEntries: ["key", "label", "description", "required", "searchable", "disabled", "readonly"] },
      (p) => ({ ...p, field: { ...p.field, valuesKey: "suppliers", values: undefined } }),
    ),
    // Options are the people of the departments the one filling in heads (import data `members`); the server checks the choice.
    member: wrap(
      Select,
      { ...named("member"), group: "selection", icon: iconsByType("select"), create: (o = {}) => ({ key: "assigneeId", ...o }), propertiesPanelEntries: ["key", "label", "description", "required", "searchable", "disabled", "readonly"] },
      (p) => ({ ...p, field: { ...p.field, valuesKey: "members", values: undefined } }),
    ),
    decision: wrap(
      Radio,
      {
        ...named("decision"),
        group: "selection",
        icon: iconsByType("radio"),
        create: (o = {}) => ({ key: "decision", values: decisionValues, validate: { required: true }, ...o }),
        propertiesPanelEntries: ["key", "label", "description", "required"],
      },
      (p) => ({ ...p, field: { ...p.field, values: Array.isArray(p.field.values) && p.field.values.length ? p.field.values : decisionValues, valuesKey: undefined } }),
    ),
    lineQuantities: LineQuantities(texts),
    lotTable: LotTable(texts),
  };
}

/**
 * A form-js module (for FormEditor and Form alike): the designer's types under their
 * localized names; every other built-in type leaves the palette.
 */
export function designerFieldsModule(texts: FieldTexts) {
  const fields = designerFields(texts);
  class DesignerFields {
    static $inject = ["formFields"];
    constructor(formFields: FormFields) {
      for (const type of Object.keys(formFields._formFields)) {
        if (type !== "default" && !(type in fields)) delete formFields._formFields[type];
      }
      for (const [type, component] of Object.entries(fields)) formFields.register(type, component);
    }
  }
  return { __init__: ["ffDesignerFields"], ffDesignerFields: ["type", DesignerFields] };
}
