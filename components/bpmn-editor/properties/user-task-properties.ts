/* Who works on a user task, with which form, and by when. */
import { CheckboxEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from "@bpmn-io/properties-panel";
import { h } from "@bpmn-io/properties-panel/preact";
import { is } from "bpmn-js/lib/util/ModelUtil";
import { selectEntry, textEntry } from "./entry-factories";
import { expressionCheck, ISO_DURATION, label, str, useCtx, type Bo, type Entry, type EntryProps, type FfEditorConfig, type GroupDef, type Translate } from "./shared";

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
/** Also the start form of a plain start event. */
export const FormSelect = selectEntry({ attr: "ff:formKey", label: "Form", choices: (cfg) => cfg.options.forms.map((f) => ({ value: f.value, label: `${label(f, cfg.locale)} (${f.value})` })) });
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
    component: function CandidateGroup({ element, id }: EntryProps) {
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

export function userTaskGroups(bo: Bo, cfg: FfEditorConfig, t: Translate): GroupDef[] {
  if (!is(bo as never, "bpmn:UserTask")) return [];
  return [
    {
      id: "ff-assignment",
      label: t("Who works on it"),
      entries: [
        { id: "ff-assignee", component: AssigneeSelect, isEdited: isSelectEntryEdited },
        { id: "ff-assignee-expression", component: AssigneeExpression, isEdited: isTextFieldEntryEdited },
        { id: "ff-candidateSupplier", component: CandidateSupplier, isEdited: isTextFieldEntryEdited },
      ],
    },
    { id: "ff-groups", label: t("Candidate groups"), entries: cfg.options.groups.map((g) => candidateGroupEntry(g.value, label(g, cfg.locale))) },
    {
      id: "ff-task",
      label: t("Form and deadline"),
      entries: [
        { id: "ff-formKey", component: FormSelect, isEdited: isSelectEntryEdited },
        { id: "ff-dueDate", component: DueDate, isEdited: isTextFieldEntryEdited },
        { id: "ff-priority", component: Priority, isEdited: isTextFieldEntryEdited },
        { id: "ff-title", component: TaskTitle, isEdited: isTextFieldEntryEdited },
      ],
    },
  ];
}
