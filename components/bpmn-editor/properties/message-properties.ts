/* The message name a catch/throw event or receive task uses; the runtime correlates by it. */
import { isTextFieldEntryEdited, TextFieldEntry } from "@bpmn-io/properties-panel";
import { h } from "@bpmn-io/properties-panel/preact";
import { is } from "bpmn-js/lib/util/ModelUtil";
import { eventDefinition, str, useCtx, type Bo, type EntryProps, type GroupDef, type Translate } from "./shared";

type Definitions = Bo & { rootElements?: Bo[] };

function definitionsOf(bo: Bo): Definitions | undefined {
  let p: Bo | undefined = bo;
  while (p && !is(p as never, "bpmn:Definitions")) p = p.$parent;
  return p as Definitions | undefined;
}

/** The message a catch/throw event or receive task waits for; the runtime correlates by its name. */
function MessageNameEntry({ element, id }: EntryProps) {
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

export function messageGroups(bo: Bo, t: Translate): GroupDef[] {
  if (!eventDefinition(bo, "bpmn:MessageEventDefinition") && !is(bo as never, "bpmn:ReceiveTask")) return [];
  return [{ id: "ff-message", label: t("Message"), entries: [{ id: "ff-message-name", component: MessageNameEntry, isEdited: isTextFieldEntryEdited }] }];
}
