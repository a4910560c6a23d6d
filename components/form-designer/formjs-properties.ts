/*
 * Properties-panel entries of the designer: the English label of a field
 * (`properties.labelEn`, what the English UI shows) and the settings of the order-line
 * quantities. Plain preact elements with the panel's classes: the entry components of
 * @bpmn-io/properties-panel run on that package's own copy of preact and fail inside
 * form-js's panel.
 */
import { h } from "preact";
import { LINE_SOURCES } from "./formjs-fields";

export type PropertyTexts = {
  labelEn: string;
  linesGroup: string;
  linesFrom: string;
  linesFromOptions: Record<(typeof LINE_SOURCES)[number], string>;
  rowMax: string;
  rowStart: string;
  rowStartQuantity: string;
  rowStartZero: string;
  rowQuantity: string;
  rowQuantityOrdered: string;
  rowQuantityPlanned: string;
  rowInput: string;
  rowInputQuantity: string;
  rowInputDate: string;
};

type Field = Record<string, unknown> & { id: string; type: string; properties?: Record<string, string> };
type EditField = (field: Field, path: string[], value: unknown) => void;
type Entry = { id: string; component: (props: EntryProps) => unknown; field: Field; editField: EditField; isEdited?: (node: unknown) => boolean };
type EntryProps = { id: string; field: Field; editField: EditField };
type Group = { id: string; label: string; entries?: Entry[]; items?: { id: string; entries: Entry[] }[] };
type PropertiesPanel = { registerProvider: (provider: { getGroups: (field: Field, editField: EditField) => (groups: Group[]) => Group[] }, priority: number) => void };

/** Fields that carry a value, so a label the English UI shows; the display-only text has none. */
const LABELLED = new Set(["textfield", "textarea", "number", "datetime", "select", "radio", "checkbox", "checklist", "supplier", "member", "decision", "lineQuantities", "lotTable"]);
const domId = (id: string) => `bio-properties-panel-${id}`;

function textEntry(label: string, read: (f: Field) => string, write: (f: Field, edit: EditField, v: string) => void) {
  return ({ id, field, editField }: EntryProps) =>
    h("div", { class: "bio-properties-panel-entry", "data-entry-id": id }, [
      h("div", { class: "bio-properties-panel-textfield" }, [
        h("label", { for: domId(id), class: "bio-properties-panel-label" }, label),
        h("input", {
          id: domId(id),
          name: id,
          type: "text",
          spellCheck: false,
          autoComplete: "off",
          class: "bio-properties-panel-input",
          value: read(field),
          onInput: (e: Event) => write(field, editField, (e.target as HTMLInputElement).value),
        }),
      ]),
    ]);
}

function selectEntry(label: string, options: [string, string][], read: (f: Field) => string, write: (f: Field, edit: EditField, v: string) => void) {
  return ({ id, field, editField }: EntryProps) => {
    const current = read(field);
    const all: [string, string][] = options.some(([v]) => v === current) ? options : [...options, [current, current]];
    return h("div", { class: "bio-properties-panel-entry", "data-entry-id": id }, [
      h("div", { class: "bio-properties-panel-select" }, [
        h("label", { for: domId(id), class: "bio-properties-panel-label" }, label),
        h(
          "select",
          { id: domId(id), name: id, class: "bio-properties-panel-input", value: current, onInput: (e: Event) => write(field, editField, (e.target as HTMLSelectElement).value) },
          all.map(([value, text]) => h("option", { value, key: value }, text)),
        ),
      ]),
    ]);
  };
}

function checkboxEntry(label: string, read: (f: Field) => boolean, write: (f: Field, edit: EditField, v: boolean) => void) {
  return ({ id, field, editField }: EntryProps) =>
    h("div", { class: "bio-properties-panel-entry bio-properties-panel-checkbox-entry", "data-entry-id": id }, [
      h("div", { class: "bio-properties-panel-checkbox" }, [
        h("input", { id: domId(id), name: id, type: "checkbox", class: "bio-properties-panel-input", checked: read(field), onChange: (e: Event) => write(field, editField, (e.target as HTMLInputElement).checked) }),
        h("label", { for: domId(id), class: "bio-properties-panel-label" }, label),
      ]),
    ]);
}

/** Sets one top-level property of the field; an empty value removes it. */
const setProp = (name: string) => (f: Field, edit: EditField, v: unknown) => edit(f, [name], v === "" || v === false ? undefined : v);

function entriesFor(texts: PropertyTexts) {
  return {
    labelEn: textEntry(
      texts.labelEn,
      (f) => f.properties?.labelEn ?? "",
      (f, edit, v) => {
        const { labelEn: _old, ...rest } = f.properties ?? {};
        edit(f, ["properties"], v.trim() ? { ...rest, labelEn: v } : rest);
      },
    ),
    linesFrom: selectEntry(texts.linesFrom, LINE_SOURCES.map((s) => [s, texts.linesFromOptions[s]]), (f) => String(f.linesFrom ?? ""), setProp("linesFrom")),
    rowMax: checkboxEntry(texts.rowMax, (f) => f.rowMax === true, setProp("rowMax")),
    rowStart: selectEntry(texts.rowStart, [["", texts.rowStartQuantity], ["zero", texts.rowStartZero]], (f) => String(f.rowStart ?? ""), setProp("rowStart")),
    rowQuantity: selectEntry(texts.rowQuantity, [["", texts.rowQuantityOrdered], ["planned", texts.rowQuantityPlanned]], (f) => String(f.rowQuantity ?? ""), setProp("rowQuantity")),
    rowInput: selectEntry(texts.rowInput, [["", texts.rowInputQuantity], ["date", texts.rowInputDate]], (f) => String(f.rowInput ?? ""), setProp("rowInput")),
  };
}

type OptionValue = { label?: string; value?: string; labelEn?: string };

/** The English label of the static option at `index` (`values[index].labelEn`): what the English UI shows for it. */
function optionLabelEn(label: string, index: number) {
  const values = (f: Field) => (Array.isArray(f.values) ? (f.values as OptionValue[]) : []);
  return textEntry(
    label,
    (f) => values(f)[index]?.labelEn ?? "",
    (f, edit, v) => {
      const next = values(f).map((o, i) => {
        if (i !== index) return o;
        const { labelEn: _old, ...rest } = o;
        return v.trim() ? { ...rest, labelEn: v } : rest;
      });
      edit(f, ["values"], next);
    },
  );
}

/** A form-js editor module adding the entries after the built-in ones (providers run by priority, the built-in one at 1000). */
export function designerPropertiesModule(texts: PropertyTexts) {
  const entries = entriesFor(texts);
  class DesignerProperties {
    static $inject = ["propertiesPanel"];
    constructor(panel: PropertiesPanel) {
      panel.registerProvider(this, 500);
    }
    getGroups(field: Field, editField: EditField) {
      return (groups: Group[]) => {
        if (!field || !LABELLED.has(field.type)) return groups;
        const entry = (id: keyof typeof entries) => ({ id: `ff-${id}`, component: entries[id], field, editField });
        const general = groups.find((g) => g.id === "general");
        if (general?.entries) {
          const after = general.entries.findIndex((e) => e.id === "label" || e.id === "date-label");
          general.entries.splice(after < 0 ? general.entries.length : after + 1, 0, entry("labelEn"));
        }
        // Each static option (select, radio, checklist) gets its English label under its label and value.
        for (const item of groups.find((g) => g.id === "staticOptions")?.items ?? []) {
          const index = Number(item.id.slice(item.id.lastIndexOf("-") + 1));
          item.entries.push({ id: `${item.id}-labelEn`, component: optionLabelEn(texts.labelEn, index), field, editField });
        }
        if (field.type === "lineQuantities") {
          const at = groups.findIndex((g) => g.id === "general") + 1;
          groups.splice(at, 0, { id: "ff-lines", label: texts.linesGroup, entries: [entry("linesFrom"), entry("rowInput"), entry("rowMax"), entry("rowStart"), entry("rowQuantity")] });
        }
        return groups;
      };
    }
  }
  return { __init__: ["ffDesignerProperties"], ffDesignerProperties: ["type", DesignerProperties] };
}
