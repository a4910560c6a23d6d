/*
 * bpmn-js, its properties panel and bpmn-js-bpmnlint ask `translate(template,
 * replacements)` with English source strings. This module answers from the
 * dictionary in messages (processes.bpmnjs, keyed by the English text without
 * dots, since next-intl keys may not contain them); unknown strings stay English.
 */
export type Dictionary = Record<string, string>;

function dictionaryKey(template: string) {
  return template.replace(/\./g, "");
}

function makeTranslate(dict: Dictionary) {
  return function translate(template: string, replacements?: Record<string, string>) {
    const text = dict[dictionaryKey(template)] ?? template;
    return text.replace(/\{([^}]+)\}/g, (whole, key: string) => (replacements && key in replacements ? String(replacements[key]) : whole));
  };
}

export function translateModule(dict: Dictionary) {
  return { translate: ["value", makeTranslate(dict)] };
}
