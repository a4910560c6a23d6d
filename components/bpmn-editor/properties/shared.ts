/*
 * Types and small helpers every properties file of the editor needs. The bpmn-io
 * packages ship no types, so these describe only the parts the editor touches.
 */
import { useService } from "bpmn-js-properties-panel";
import { is } from "bpmn-js/lib/util/ModelUtil";
import type { EditorOptions } from "@/lib/process-admin/editor-options";

export type Bo = {
  $type: string;
  id: string;
  name?: string;
  $parent?: Bo;
  get: (k: string) => unknown;
  eventDefinitions?: Bo[];
  [k: string]: unknown;
};
export type El = { id: string; type: string; businessObject: Bo; parent?: El };
export type Translate = (s: string, r?: Record<string, string>) => string;
type Modeling = {
  updateProperties: (el: El, props: Record<string, unknown>) => void;
  updateModdleProperties: (el: El, target: unknown, props: Record<string, unknown>) => void;
};
type BpmnFactory = { create: (type: string, attrs?: Record<string, unknown>) => Bo };
export type EntryProps = { element: El; id: string };
export type Entry = { id: string; component: (p: EntryProps) => unknown; isEdited?: (n: unknown) => boolean };
export type GroupDef = { id: string; label: string; entries: Entry[]; shouldOpen?: boolean };
type Locale = "zh-CN" | "en";
export type FfEditorConfig = { options: EditorOptions; locale: Locale };

export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
export const EXPR = /^\s*\$\{[\s\S]+\}\s*$/;

export const label = (c: { labelZh: string; labelEn: string }, locale: Locale) => (locale === "en" ? c.labelEn : c.labelZh);
export const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

export function useCtx() {
  return {
    modeling: useService<Modeling>("modeling"),
    translate: useService<Translate>("translate"),
    debounce: useService<(fn: unknown) => unknown>("debounceInput"),
    cfg: useService<FfEditorConfig>("config.ffEditor"),
    factory: useService<BpmnFactory>("bpmnFactory"),
  };
}

export const expressionCheck = (v: string, t: Translate) => {
  if (!EXPR.test(v)) return t("Write an expression as ${...}");
  if (/==|&&|\|\||!(?!=)/.test(v)) return t("Use = and, or, not() instead of ==, &&, ||, !");
  return null;
};

export function eventDefinition(bo: Bo, type: string): Bo | undefined {
  return (bo.eventDefinitions ?? []).find((d) => is(d as never, type));
}
