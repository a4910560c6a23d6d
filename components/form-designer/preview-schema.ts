import type { FormJsComponent, FormJsSchema } from "@/lib/workflow/form-js";

type Option = { label?: unknown; labelEn?: unknown };
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

function previewComponent(c: FormJsComponent, english: boolean): FormJsComponent {
  const next: FormJsComponent = { ...c };
  if (english) {
    // The English UI shows `properties.labelEn` and each option's labelEn, as the task pages do.
    const labelEn = text((c.properties as Record<string, unknown> | undefined)?.labelEn);
    if (labelEn) {
      if (c.type === "datetime") next.dateLabel = labelEn;
      else next.label = labelEn;
    }
    if (Array.isArray(c.values)) next.values = (c.values as Option[]).map((o) => ({ ...o, label: text(o.labelEn) ?? o.label }));
  }
  // Order-line quantities check their bounds per row (the component's inputs); form-js would compare the whole value with them.
  if (c.type === "lineQuantities" && c.validate && typeof c.validate === "object") {
    const { min: _min, max: _max, ...validate } = c.validate as Record<string, unknown>;
    next.validate = validate;
  }
  if (Array.isArray(c.components)) next.components = (c.components as FormJsComponent[]).map((x) => previewComponent(x, english));
  return next;
}

/** The designed form as a user of the UI language will see it in the preview. */
export function previewSchema(schema: FormJsSchema, english: boolean): FormJsSchema {
  return { ...schema, components: schema.components.map((c) => previewComponent(c, english)) };
}
