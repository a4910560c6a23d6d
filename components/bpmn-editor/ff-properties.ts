/*
 * The editor's only properties provider: what the runtime understands and no
 * more (no stock Camunda panels). Labels are English source strings that the
 * translate module turns into the user's language. ff:* attributes are set
 * through bpmn-js commands, so undo/redo and the live lint see every change.
 * Each element kind's groups live in ./properties/; this file orders them.
 */
import { flowConditionGroups } from "./properties/flow-condition-properties";
import { generalGroups } from "./properties/general-properties";
import { messageGroups } from "./properties/message-properties";
import { processGroups } from "./properties/process-properties";
import { serviceTaskGroups } from "./properties/service-task-properties";
import type { El, FfEditorConfig, GroupDef, Translate } from "./properties/shared";
import { startEventGroups } from "./properties/start-event-properties";
import { timerGroups } from "./properties/timer-properties";
import { userTaskGroups } from "./properties/user-task-properties";

function groupsFor(element: El, cfg: FfEditorConfig, t: Translate): GroupDef[] {
  const bo = element.businessObject;
  const out: GroupDef[] = [
    ...generalGroups(bo, t),
    ...processGroups(bo, cfg, t),
    ...userTaskGroups(bo, cfg, t),
    ...startEventGroups(bo, t),
    ...serviceTaskGroups(bo, t),
    ...flowConditionGroups(bo, t),
    ...timerGroups(bo, t),
    ...messageGroups(bo, t),
  ];
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
