/* The condition on a sequence flow leaving a gateway or an activity. */
import { isTextFieldEntryEdited, SelectEntry, TextFieldEntry } from "@bpmn-io/properties-panel";
import { h } from "@bpmn-io/properties-panel/preact";
import { is, isAny } from "bpmn-js/lib/util/ModelUtil";
import { EXPR, expressionCheck, label, str, useCtx, type Bo, type EntryProps, type GroupDef, type Translate } from "./shared";

function ConditionEntry({ element, id }: EntryProps) {
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
function VariablePicker({ element, id }: EntryProps) {
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

export function flowConditionGroups(bo: Bo, t: Translate): GroupDef[] {
  if (!is(bo as never, "bpmn:SequenceFlow")) return [];
  const source = bo.get("sourceRef") as Bo | undefined;
  if (!source || !isAny(source as never, ["bpmn:ExclusiveGateway", "bpmn:InclusiveGateway", "bpmn:Activity"])) return [];
  return [
    {
      id: "ff-condition",
      label: t("Condition"),
      entries: [
        { id: "ff-condition", component: ConditionEntry, isEdited: isTextFieldEntryEdited },
        { id: "ff-variable", component: VariablePicker },
      ],
    },
  ];
}
