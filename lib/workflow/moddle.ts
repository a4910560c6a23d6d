import "server-only";
import BpmnModdle from "bpmn-moddle";

export const FF_NAMESPACE = "http://factory-flow.dev/schema/bpmn";

/**
 * The product's BPMN extension: the attributes the runtime understands, written
 * by the in-app editor as ff:assignee="..." etc. Without this descriptor the
 * serializer would silently drop them.
 */
export const ffModdleDescriptor = {
  name: "FactoryFlow",
  prefix: "ff",
  uri: FF_NAMESPACE,
  xml: { tagAlias: "lowerCase" },
  associations: [],
  types: [
    {
      name: "UserTaskProps",
      isAbstract: true,
      extends: ["bpmn:UserTask"],
      properties: [
        { name: "assignee", isAttr: true, type: "String" },
        { name: "candidateGroups", isAttr: true, type: "String" },
        { name: "candidateSupplier", isAttr: true, type: "String" },
        { name: "formKey", isAttr: true, type: "String" },
        { name: "dueDate", isAttr: true, type: "String" },
        { name: "priority", isAttr: true, type: "Integer" },
        { name: "title", isAttr: true, type: "String" },
      ],
    },
    {
      name: "StartEventProps",
      isAbstract: true,
      extends: ["bpmn:StartEvent"],
      properties: [{ name: "formKey", isAttr: true, type: "String" }],
    },
    {
      name: "HandlerProps",
      isAbstract: true,
      extends: ["bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask"],
      properties: [{ name: "handler", isAttr: true, type: "String" }],
    },
  ],
};

export type ModdleElement = {
  $type: string;
  id?: string;
  name?: string;
  [k: string]: unknown;
};

export type ModdleContext = {
  rootElement: ModdleElement & { rootElements?: ModdleElement[] };
  elementsById: Record<string, ModdleElement>;
  references: unknown[];
  warnings: { message: string }[];
};

/** Parses BPMN XML with the ff extension; moddle warnings are returned, not thrown. */
export async function parseBpmn(xml: string): Promise<ModdleContext> {
  const moddle = new BpmnModdle({ ff: ffModdleDescriptor });
  return (await moddle.fromXML(xml.trim())) as unknown as ModdleContext;
}
