/* The kind (duration, date, cycle) and value of a timer event. */
import { isSelectEntryEdited, isTextFieldEntryEdited, SelectEntry, TextFieldEntry } from "@bpmn-io/properties-panel";
import { h } from "@bpmn-io/properties-panel/preact";
import { eventDefinition, expressionCheck, ISO_DURATION, str, useCtx, type Bo, type EntryProps, type GroupDef, type Translate } from "./shared";

const TIMER_KINDS = ["timeDuration", "timeDate", "timeCycle"] as const;

function timerKind(def: Bo | undefined) {
  return TIMER_KINDS.find((k) => def?.get(k)) ?? "timeDuration";
}

function TimerKindEntry({ element, id }: EntryProps) {
  const { modeling, translate, factory } = useCtx();
  const def = eventDefinition(element.businessObject, "bpmn:TimerEventDefinition");
  return h(SelectEntry, {
    element,
    id,
    label: translate("Timer type"),
    getValue: () => timerKind(def),
    getOptions: () => [
      { value: "timeDuration", label: translate("Duration") },
      { value: "timeDate", label: translate("Date") },
      { value: "timeCycle", label: translate("Cycle") },
    ],
    setValue: (kind: string) => {
      if (!def) return;
      const body = str((def.get(timerKind(def)) as Bo | undefined)?.get("body"));
      const props: Record<string, unknown> = { timeDuration: undefined, timeDate: undefined, timeCycle: undefined };
      props[kind] = factory.create("bpmn:FormalExpression", { body });
      modeling.updateModdleProperties(element, def, props);
    },
  });
}

function TimerValueEntry({ element, id }: EntryProps) {
  const { modeling, translate, debounce, factory } = useCtx();
  const def = eventDefinition(element.businessObject, "bpmn:TimerEventDefinition");
  const kind = timerKind(def);
  const hint = { timeDuration: "ISO duration, e.g. P3D or PT2H", timeDate: "ISO date and time, e.g. 2026-12-31T09:00:00+08:00", timeCycle: "ISO repeat, e.g. R3/PT1H" }[kind];
  return h(TextFieldEntry, {
    element,
    id,
    label: translate("Timer value"),
    description: translate(hint),
    debounce,
    getValue: () => str((def?.get(kind) as Bo | undefined)?.get("body")),
    setValue: (v: string) => {
      if (!def) return;
      modeling.updateModdleProperties(element, def, { [kind]: factory.create("bpmn:FormalExpression", { body: v.trim() }) });
    },
    validate: (v: string) => {
      const s = v.trim();
      if (!s || s.startsWith("${")) return s ? expressionCheck(s, translate) : null;
      const ok = kind === "timeDuration" ? ISO_DURATION.test(s) : kind === "timeDate" ? !Number.isNaN(Date.parse(s)) : /^R\d*\/P/.test(s);
      return ok ? null : translate("Not a valid value for this timer type");
    },
  });
}

export function timerGroups(bo: Bo, t: Translate): GroupDef[] {
  if (!eventDefinition(bo, "bpmn:TimerEventDefinition")) return [];
  return [
    {
      id: "ff-timer",
      label: t("Timer"),
      entries: [
        { id: "ff-timer-kind", component: TimerKindEntry, isEdited: isSelectEntryEdited },
        { id: "ff-timer-value", component: TimerValueEntry, isEdited: isTextFieldEntryEdited },
      ],
    },
  ];
}
