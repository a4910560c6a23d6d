/* Which registered handler runs a service, send or business-rule task. */
import { isSelectEntryEdited } from "@bpmn-io/properties-panel";
import { isAny } from "bpmn-js/lib/util/ModelUtil";
import { selectEntry } from "./entry-factories";
import { label, type Bo, type GroupDef, type Translate } from "./shared";

const SERVICE_TYPES = ["bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask"];

export function serviceTaskGroups(bo: Bo, t: Translate): GroupDef[] {
  if (!isAny(bo as never, SERVICE_TYPES)) return [];
  const Handler = selectEntry({ attr: "ff:handler", label: "Service handler", choices: (c) => c.options.handlers.map((x) => ({ value: x.value, label: `${label(x, c.locale)} (${x.value})` })) });
  return [{ id: "ff-handler", label: t("Service"), entries: [{ id: "ff-handler", component: Handler, isEdited: isSelectEntryEdited }] }];
}
