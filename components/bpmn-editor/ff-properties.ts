/*
 * The editor's only properties provider: what the runtime understands and no
 * more (no stock Camunda panels). Labels are English source strings that the
 * translate module turns into the user's language. ff:* attributes are set
 * through bpmn-js commands, so undo/redo and the live lint see every change.
 */
import {
  CheckboxEntry,
  isCheckboxEntryEdited,
  isSelectEntryEdited,
  isTextFieldEntryEdited,
  SelectEntry,
  TextFieldEntry,
} from "@bpmn-io/properties-panel";
import { h } from "@bpmn-io/properties-panel/preact";
import { useService } from "bpmn-js-properties-panel";
import { is, isAny } from "bpmn-js/lib/util/ModelUtil";
import type { EditorOptions } from "@/lib/process-admin/editor-options";

type Bo = {
  $type: string;
  id: string;
  name?: string;
  $parent?: Bo;
  get: (k: string) => unknown;
  eventDefinitions?: Bo[];
  [k: string]: unknown;
};
type El = { id: string; type: string; businessObject: Bo; parent?: El };
type Translate = (s: string, r?: Record<string, string>) => string;
type Modeling = {
  updateProperties: (el: El, props: Record<string, unknown>) => void;
  updateModdleProperties: (el: El, target: unknown, props: Record<string, unknown>) => void;
};
type BpmnFactory = { create: (type: string, attrs?: Record<string, unknown>) => Bo };
type Entry = { id: string; component: (p: { element: El; id: string }) => unknown; isEdited?: (n: unknown) => boolean };
type GroupDef = { id: string; label: string; entries: Entry[]; shouldOpen?: boolean };
type Locale = "zh-CN" | "en";
export type FfEditorConfig = { options: EditorOptions; locale: Locale };

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const EXPR = /^\s*\$\{[\s\S]+\}\s*$/;
const ID = /^[A-Za-z_][\w.-]*$/;
const SERVICE_TYPES = ["bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask"];

const label = (c: { labelZh: string; labelEn: string }, locale: Locale) => (locale === "en" ? c.labelEn : c.labelZh);
const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

function useCtx() {
  return {
    modeling: useService<Modeling>("modeling"),
    translate: useService<Translate>("translate"),
    debounce: useService<(fn: unknown) => unknown>("debounceInput"),
    cfg: useService<FfEditorConfig>("config.ffEditor"),
    factory: useService<BpmnFactory>("bpmnFactory"),
  };
}

/** A text entry bound to one attribute of the business object (or of `target`). */
function textEntry(opts: { attr: string; label: string; description?: string; placeholder?: string; validate?: (v: string, t: Translate) => string | null; target?: (el: El) => Bo | undefined; toValue?: (v: string) => unknown }) {
  return function Component({ element, id }: { element: El; id: string }) {
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

function selectEntry(opts: { attr: string; label: string; description?: string; choices: (cfg: FfEditorConfig, current: string, t: Translate) => { value: string; label: string }[] }) {
  return function Component({ element, id }: { element: El; id: string }) {
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

const expressionCheck = (v: string, t: Translate) => {
  if (!EXPR.test(v)) return t("Write an expression as ${...}");
  if (/==|&&|\|\||!(?!=)/.test(v)) return t("Use = and, or, not() instead of ==, &&, ||, !");
  return null;
};

// --- general -------------------------------------------------------------------

function IdEntry({ element, id }: { element: El; id: string }) {
  const { modeling, translate, debounce } = useCtx();
  const bo = element.businessObject;
  return h(TextFieldEntry, {
    element,
    id,
    label: translate(is(bo, "bpmn:Process") ? "Process key (ID)" : "ID"),
    description: is(bo, "bpmn:Process") ? translate("Instances are started by this key") : undefined,
    debounce,
    getValue: () => bo.id,
    setValue: (v: string, error: string | null) => {
      if (error) return;
      modeling.updateProperties(element, { id: v.trim() });
    },
    validate: (v: string) => {
      if (!v.trim()) return translate("ID must not be empty");
      if (!ID.test(v.trim())) return translate("ID must start with a letter and contain letters, digits, _ - . only");
      const ids = (bo as unknown as { $model?: { ids?: { assigned: (id: string) => unknown } } }).$model?.ids;
      if (v.trim() !== bo.id && ids?.assigned(v.trim())) return translate("ID is already used");
      return null;
    },
  });
}

const NameEntry = textEntry({ attr: "name", label: "Name" });

function ExecutableEntry({ element, id }: { element: El; id: string }) {
  const { modeling, translate } = useCtx();
  return h(CheckboxEntry, {
    element,
    id,
    label: translate("Executable"),
    getValue: () => element.businessObject.get("isExecutable") === true,
    setValue: (v: boolean) => modeling.updateProperties(element, { isExecutable: v }),
  });
}

// --- user tasks ----------------------------------------------------------------

const AssigneeSelect = selectEntry({
  attr: "ff:assignee",
  label: "Assignee",
  description: "A person, or the initiator of the instance",
  choices: (cfg, _c, t) => [{ value: "${initiator}", label: t("Initiator (${initiator})") }, ...cfg.options.people.map((p) => ({ value: p.value, label: `${label(p, cfg.locale)} (${p.value})` }))],
});
const AssigneeExpression = textEntry({
  attr: "ff:assignee",
  label: "Assignee (username or expression)",
  placeholder: "${initiator}",
  validate: (v, t) => (v.includes("${") ? expressionCheck(v, t) : null),
});
const CandidateSupplier = textEntry({
  attr: "ff:candidateSupplier",
  label: "Candidate supplier",
  description: "Expression giving the supplier id, e.g. ${supplierId}",
  placeholder: "${supplierId}",
  validate: expressionCheck,
});
const FormSelect = selectEntry({ attr: "ff:formKey", label: "Form", choices: (cfg) => cfg.options.forms.map((f) => ({ value: f.value, label: `${label(f, cfg.locale)} (${f.value})` })) });
const DueDate = textEntry({
  attr: "ff:dueDate",
  label: "Due (SLA)",
  description: "ISO duration such as P2D (2 days) or PT4H, or an expression",
  placeholder: "P2D",
  validate: (v, t) => (v.startsWith("${") ? expressionCheck(v, t) : ISO_DURATION.test(v) ? null : t("Not an ISO duration such as P2D or PT4H")),
});
const Priority = textEntry({
  attr: "ff:priority",
  label: "Priority (0-100)",
  placeholder: "50",
  validate: (v, t) => (/^\d{1,3}$/.test(v) && Number(v) <= 100 ? null : t("A whole number from 0 to 100")),
  toValue: (v) => (/^\d{1,3}$/.test(v) ? Number(v) : undefined),
});
const TaskTitle = textEntry({ attr: "ff:title", label: "Task title in the inbox" });

function groupsOf(bo: Bo) {
  return str(bo.get("ff:candidateGroups")).split(",").map((s) => s.trim()).filter(Boolean);
}

function candidateGroupEntry(key: string, text: string): Entry {
  return {
    id: `ff-candidateGroup-${key}`,
    isEdited: isCheckboxEntryEdited,
    component: function CandidateGroup({ element, id }: { element: El; id: string }) {
      const { modeling } = useCtx();
      return h(CheckboxEntry, {
        element,
        id,
        label: text,
        getValue: () => groupsOf(element.businessObject).includes(key),
        setValue: (on: boolean) => {
          const now = groupsOf(element.businessObject).filter((g) => g !== key);
          if (on) now.push(key);
          modeling.updateProperties(element, { "ff:candidateGroups": now.length ? now.join(",") : undefined });
        },
      });
    },
  };
}

// --- sequence flows --------------------------------------------------------------

function ConditionEntry({ element, id }: { element: El; id: string }) {
  const { modeling, translate, debounce, factory } = useCtx();
  const bo = element.businessObject;
  const cond = bo.get("conditionExpression") as Bo | undefined;
  return h(TextFieldEntry, {
    element,
    id,
    label: translate("Condition (FEEL)"),
    description: translate('For example ${decision = "approve" and amount > 50000}'),
    placeholder: '${decision = "approve"}',
    debounce,
    getValue: () => str(cond?.get("body")),
    setValue: (v: string) => {
      const body = v.trim();
      modeling.updateProperties(element, { conditionExpression: body ? factory.create("bpmn:FormalExpression", { body }) : undefined });
    },
    validate: (v: string) => (v.trim() ? expressionCheck(v.trim(), translate) : null),
  });
}

/** Builds a condition from a known process variable; appends with "and" to what is there. */
function VariablePicker({ element, id }: { element: El; id: string }) {
  const { modeling, translate, cfg, factory } = useCtx();
  const vars = cfg.options.variables;
  return h(SelectEntry, {
    element,
    id,
    label: translate("Insert a process variable"),
    getValue: () => "",
    getOptions: () => [{ value: "", label: translate("<choose>") }, ...vars.map((v) => ({ value: v.value, label: `${label(v, cfg.locale)} (${v.value})` }))],
    setValue: (name: string) => {
      const v = vars.find((x) => x.value === name);
      if (!v) return;
      const clause = v.options?.length ? `${v.value} = "${v.options[0].value}"` : v.type === "number" ? `${v.value} > 0` : v.type === "boolean" ? `${v.value} = true` : `${v.value} = ""`;
      const cond = element.businessObject.get("conditionExpression") as Bo | undefined;
      const old = str(cond?.get("body")).trim();
      const inner = EXPR.test(old) ? old.replace(/^\s*\$\{([\s\S]*)\}\s*$/, "$1").trim() : "";
      const body = `\${${inner ? `${inner} and ${clause}` : clause}}`;
      modeling.updateProperties(element, { conditionExpression: factory.create("bpmn:FormalExpression", { body }) });
    },
  });
}

// --- events ----------------------------------------------------------------------

function eventDefinition(bo: Bo, type: string): Bo | undefined {
  return (bo.eventDefinitions ?? []).find((d) => is(d as never, type));
}

const TIMER_KINDS = ["timeDuration", "timeDate", "timeCycle"] as const;

function timerKind(def: Bo | undefined) {
  return TIMER_KINDS.find((k) => def?.get(k)) ?? "timeDuration";
}

function TimerKindEntry({ element, id }: { element: El; id: string }) {
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

function TimerValueEntry({ element, id }: { element: El; id: string }) {
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

type Definitions = Bo & { rootElements?: Bo[] };

function definitionsOf(bo: Bo): Definitions | undefined {
  let p: Bo | undefined = bo;
  while (p && !is(p as never, "bpmn:Definitions")) p = p.$parent;
  return p as Definitions | undefined;
}

/** The message a catch/throw event or receive task waits for; the runtime correlates by its name. */
function MessageNameEntry({ element, id }: { element: El; id: string }) {
  const { modeling, translate, debounce, factory } = useCtx();
  const bo = element.businessObject;
  const holder = is(bo as never, "bpmn:ReceiveTask") || is(bo as never, "bpmn:SendTask") ? bo : eventDefinition(bo, "bpmn:MessageEventDefinition");
  const message = holder?.get("messageRef") as Bo | undefined;
  return h(TextFieldEntry, {
    element,
    id,
    label: translate("Message name"),
    description: translate("Messages are delivered by this name and the business key"),
    debounce,
    getValue: () => str(message?.name),
    setValue: (v: string) => {
      const name = v.trim();
      if (!holder) return;
      if (message) {
        modeling.updateModdleProperties(element, message, { name: name || undefined });
        return;
      }
      if (!name) return;
      const defs = definitionsOf(bo);
      if (!defs) return;
      const created = factory.create("bpmn:Message", { name });
      created.$parent = defs;
      modeling.updateModdleProperties(element, defs, { rootElements: [...(defs.rootElements ?? []), created] });
      if (holder === bo) modeling.updateProperties(element, { messageRef: created });
      else modeling.updateModdleProperties(element, holder, { messageRef: created });
    },
  });
}

// --- the provider ------------------------------------------------------------------

function groupsFor(element: El, cfg: FfEditorConfig, t: Translate): GroupDef[] {
  const bo = element.businessObject;
  const out: GroupDef[] = [];
  const general: Entry[] = [
    { id: "ff-name", component: NameEntry, isEdited: isTextFieldEntryEdited },
    { id: "ff-id", component: IdEntry, isEdited: isTextFieldEntryEdited },
  ];
  if (is(bo as never, "bpmn:Process")) general.push({ id: "ff-executable", component: ExecutableEntry, isEdited: isCheckboxEntryEdited });
  if (!is(bo as never, "bpmn:Collaboration")) out.push({ id: "general", label: t("General"), entries: general });

  if (is(bo as never, "bpmn:UserTask")) {
    out.push({
      id: "ff-assignment",
      label: t("Who works on it"),
      entries: [
        { id: "ff-assignee", component: AssigneeSelect, isEdited: isSelectEntryEdited },
        { id: "ff-assignee-expression", component: AssigneeExpression, isEdited: isTextFieldEntryEdited },
        { id: "ff-candidateSupplier", component: CandidateSupplier, isEdited: isTextFieldEntryEdited },
      ],
    });
    out.push({ id: "ff-groups", label: t("Candidate groups"), entries: cfg.options.groups.map((g) => candidateGroupEntry(g.value, `${label(g, cfg.locale)} (${g.value})`)) });
    out.push({
      id: "ff-task",
      label: t("Form and deadline"),
      entries: [
        { id: "ff-formKey", component: FormSelect, isEdited: isSelectEntryEdited },
        { id: "ff-dueDate", component: DueDate, isEdited: isTextFieldEntryEdited },
        { id: "ff-priority", component: Priority, isEdited: isTextFieldEntryEdited },
        { id: "ff-title", component: TaskTitle, isEdited: isTextFieldEntryEdited },
      ],
    });
  }
  if (is(bo as never, "bpmn:StartEvent") && !bo.eventDefinitions?.length) {
    out.push({ id: "ff-start", label: t("Start form"), entries: [{ id: "ff-formKey", component: FormSelect, isEdited: isSelectEntryEdited }] });
  }
  if (isAny(bo as never, SERVICE_TYPES)) {
    const Handler = selectEntry({ attr: "ff:handler", label: "Service handler", choices: (c) => c.options.handlers.map((x) => ({ value: x.value, label: `${label(x, c.locale)} (${x.value})` })) });
    out.push({ id: "ff-handler", label: t("Service"), entries: [{ id: "ff-handler", component: Handler, isEdited: isSelectEntryEdited }] });
  }
  if (is(bo as never, "bpmn:SequenceFlow")) {
    const source = bo.get("sourceRef") as Bo | undefined;
    if (source && isAny(source as never, ["bpmn:ExclusiveGateway", "bpmn:InclusiveGateway", "bpmn:Activity"])) {
      out.push({
        id: "ff-condition",
        label: t("Condition"),
        entries: [
          { id: "ff-condition", component: ConditionEntry, isEdited: isTextFieldEntryEdited },
          { id: "ff-variable", component: VariablePicker },
        ],
      });
    }
  }
  if (eventDefinition(bo, "bpmn:TimerEventDefinition")) {
    out.push({
      id: "ff-timer",
      label: t("Timer"),
      entries: [
        { id: "ff-timer-kind", component: TimerKindEntry, isEdited: isSelectEntryEdited },
        { id: "ff-timer-value", component: TimerValueEntry, isEdited: isTextFieldEntryEdited },
      ],
    });
  }
  if (eventDefinition(bo, "bpmn:MessageEventDefinition") || is(bo as never, "bpmn:ReceiveTask")) {
    out.push({ id: "ff-message", label: t("Message"), entries: [{ id: "ff-message-name", component: MessageNameEntry, isEdited: isTextFieldEntryEdited }] });
  }
  // The runtime's settings are what people come for: open them.
  return out.map((g) => (g.id === "general" ? g : { ...g, shouldOpen: true }));
}

function FfPropertiesProvider(this: unknown, propertiesPanel: { registerProvider: (p: number, provider: unknown) => void }, translate: Translate, cfg: FfEditorConfig) {
  propertiesPanel.registerProvider(500, {
    // Replaces whatever other providers offered: only what the runtime reads.
    getGroups: (element: El) => () => groupsFor(element, cfg, translate),
  });
}
FfPropertiesProvider.$inject = ["propertiesPanel", "translate", "config.ffEditor"];

export const ffPropertiesModule = {
  __init__: ["ffPropertiesProvider"],
  ffPropertiesProvider: ["type", FfPropertiesProvider],
};
