/* Builders for the common case: one text field or one picker bound to one attribute. */
import { SelectEntry, TextFieldEntry } from "@bpmn-io/properties-panel";
import { h } from "@bpmn-io/properties-panel/preact";
import { str, useCtx, type Bo, type El, type EntryProps, type FfEditorConfig, type Translate } from "./shared";

/** A text entry bound to one attribute of the business object (or of `target`). */
export function textEntry(opts: { attr: string; label: string; description?: string; placeholder?: string; validate?: (v: string, t: Translate) => string | null; target?: (el: El) => Bo | undefined; toValue?: (v: string) => unknown }) {
  return function Component({ element, id }: EntryProps) {
    const { modeling, translate, debounce } = useCtx();
    const target = opts.target ? opts.target(element) : element.businessObject;
    return h(TextFieldEntry, {
      element,
      id,
      label: translate(opts.label),
      description: opts.description ? translate(opts.description) : undefined,
      placeholder: opts.placeholder,
      debounce,
      getValue: () => str(target?.get(opts.attr)),
      setValue: (v: string) => {
        const value = v.trim() === "" ? undefined : opts.toValue ? opts.toValue(v.trim()) : v;
        if (!target) return;
        if (target === element.businessObject) modeling.updateProperties(element, { [opts.attr]: value });
        else modeling.updateModdleProperties(element, target, { [opts.attr]: value });
      },
      validate: opts.validate ? (v: string) => (v ? opts.validate!(v, translate) : null) : undefined,
    });
  };
}

export function selectEntry(opts: { attr: string; label: string; description?: string; choices: (cfg: FfEditorConfig, current: string, t: Translate) => { value: string; label: string }[] }) {
  return function Component({ element, id }: EntryProps) {
    const { modeling, translate, cfg } = useCtx();
    const current = str(element.businessObject.get(opts.attr));
    return h(SelectEntry, {
      element,
      id,
      label: translate(opts.label),
      description: opts.description ? translate(opts.description) : undefined,
      getValue: () => current,
      setValue: (v: string) => modeling.updateProperties(element, { [opts.attr]: v || undefined }),
      getOptions: () => {
        const list = [{ value: "", label: translate("<none>") }, ...opts.choices(cfg, current, translate)];
        // A value from an imported file that no picker offers stays visible, marked unknown.
        if (current && !list.some((o) => o.value === current)) list.push({ value: current, label: translate("{value} (unknown)", { value: current }) });
        return list;
      },
    });
  };
}
