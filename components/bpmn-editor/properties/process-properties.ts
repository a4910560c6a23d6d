/*
 * Who may start a process by hand and whether its business key is unique: attributes
 * of the process element (lib/workflow/start-policy.ts reads them after publishing).
 * A pool's settings are those of the process it holds.
 */
import { CheckboxEntry, isCheckboxEntryEdited } from "@bpmn-io/properties-panel";
import { h } from "@bpmn-io/properties-panel/preact";
import { is } from "bpmn-js/lib/util/ModelUtil";
import { label, str, useCtx, type Bo, type El, type Entry, type EntryProps, type FfEditorConfig, type GroupDef, type Translate } from "./shared";

const EVERYONE = "*";

function processOf(bo: Bo): Bo | undefined {
  if (is(bo as never, "bpmn:Process")) return bo;
  if (is(bo as never, "bpmn:Participant")) return bo.processRef as Bo | undefined;
  return undefined;
}

function starters(proc: Bo | undefined) {
  return str(proc?.get("ff:candidateStarterGroups")).split(",").map((s) => s.trim()).filter(Boolean);
}

/** Writes to the process, through the pool's command when the process sits in one, so undo sees it. */
function useUpdateProcess() {
  const { modeling } = useCtx();
  return (element: El, props: Record<string, unknown>) => {
    const proc = processOf(element.businessObject);
    if (!proc) return;
    if (proc === element.businessObject) modeling.updateProperties(element, props);
    else modeling.updateModdleProperties(element, proc, props);
  };
}

function starterEntry(key: string, text: string): Entry {
  return {
    id: key === EVERYONE ? "ff-starter-everyone" : `ff-starter-${key}`,
    isEdited: isCheckboxEntryEdited,
    component: function Starter({ element, id }: EntryProps) {
      const update = useUpdateProcess();
      const now = starters(processOf(element.businessObject));
      const everyone = now.includes(EVERYONE);
      return h(CheckboxEntry, {
        element,
        id,
        label: text,
        // Every employee already includes each group; ticking one would say nothing more.
        disabled: key !== EVERYONE && everyone,
        getValue: () => (key === EVERYONE ? everyone : !everyone && now.includes(key)),
        setValue: (on: boolean) => {
          const next = key === EVERYONE ? (on ? [EVERYONE] : []) : [...now.filter((g) => g !== key && g !== EVERYONE), ...(on ? [key] : [])];
          update(element, { "ff:candidateStarterGroups": next.length ? next.join(",") : undefined });
        },
      });
    },
  };
}

function StartersHint() {
  const { translate } = useCtx();
  return h("div", { class: "bio-properties-panel-entry" }, h("div", { class: "bio-properties-panel-description" }, translate("Employees can start this process by hand only when its start event has a start form and starter groups are set; otherwise only the system starts it (ERP events, jobs, the API).")));
}

function UniqueBusinessKey({ element, id }: EntryProps) {
  const { translate } = useCtx();
  const update = useUpdateProcess();
  const value = processOf(element.businessObject)?.get("ff:uniqueBusinessKey");
  return h(CheckboxEntry, {
    element,
    id,
    label: translate("Unique business key"),
    description: translate("A business key serves one instance only; a cancelled instance frees it."),
    getValue: () => value === true || value === "true",
    setValue: (on: boolean) => update(element, { "ff:uniqueBusinessKey": on ? true : undefined }),
  });
}

export function processGroups(bo: Bo, cfg: FfEditorConfig, t: Translate): GroupDef[] {
  if (!processOf(bo)) return [];
  return [
    {
      id: "ff-starters",
      label: t("Who may start it (groups)"),
      entries: [
        starterEntry(EVERYONE, t("All employees")),
        ...cfg.options.groups.map((g) => starterEntry(g.value, label(g, cfg.locale))),
        { id: "ff-starters-hint", component: StartersHint },
      ],
    },
    { id: "ff-business-key", label: t("Business key"), entries: [{ id: "ff-uniqueBusinessKey", component: UniqueBusinessKey, isEdited: isCheckboxEntryEdited }] },
  ];
}
