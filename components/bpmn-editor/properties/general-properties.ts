/* Name and ID of any element, and whether a process is executable. */
import { CheckboxEntry, isCheckboxEntryEdited, isTextFieldEntryEdited, TextFieldEntry } from "@bpmn-io/properties-panel";
import { h } from "@bpmn-io/properties-panel/preact";
import { is } from "bpmn-js/lib/util/ModelUtil";
import { textEntry } from "./entry-factories";
import { useCtx, type Bo, type Entry, type EntryProps, type GroupDef, type Translate } from "./shared";

const ID = /^[A-Za-z_][\w.-]*$/;

function IdEntry({ element, id }: EntryProps) {
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

function ExecutableEntry({ element, id }: EntryProps) {
  const { modeling, translate } = useCtx();
  return h(CheckboxEntry, {
    element,
    id,
    label: translate("Executable"),
    getValue: () => element.businessObject.get("isExecutable") === true,
    setValue: (v: boolean) => modeling.updateProperties(element, { isExecutable: v }),
  });
}

export function generalGroups(bo: Bo, t: Translate): GroupDef[] {
  const general: Entry[] = [
    { id: "ff-name", component: NameEntry, isEdited: isTextFieldEntryEdited },
    { id: "ff-id", component: IdEntry, isEdited: isTextFieldEntryEdited },
  ];
  if (is(bo as never, "bpmn:Process")) general.push({ id: "ff-executable", component: ExecutableEntry, isEdited: isCheckboxEntryEdited });
  if (is(bo as never, "bpmn:Collaboration")) return [];
  return [{ id: "general", label: t("General"), entries: general }];
}
