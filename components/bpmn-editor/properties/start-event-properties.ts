/* A plain start event (no timer, message, ...) carries the form that starts an instance. */
import { isSelectEntryEdited } from "@bpmn-io/properties-panel";
import { is } from "bpmn-js/lib/util/ModelUtil";
import type { Bo, GroupDef, Translate } from "./shared";
import { FormSelect } from "./user-task-properties";

export function startEventGroups(bo: Bo, t: Translate): GroupDef[] {
  if (!is(bo as never, "bpmn:StartEvent") || bo.eventDefinitions?.length) return [];
  return [{ id: "ff-start", label: t("Start form"), entries: [{ id: "ff-formKey", component: FormSelect, isEdited: isSelectEntryEdited }] }];
}
