/*
 * The product's BPMN extension as a plain moddle descriptor, without server
 * imports: the server's parser (moddle.ts) and the in-browser editor
 * (bpmn-js `moddleExtensions: { ff }`) both read and write ff:* attributes
 * with it. Without it a serializer would silently drop them.
 */
const FF_NAMESPACE = "http://factory-flow.dev/schema/bpmn";

export const ffModdleDescriptor = {
  name: "FactoryFlow",
  prefix: "ff",
  uri: FF_NAMESPACE,
  xml: { tagAlias: "lowerCase" },
  associations: [],
  types: [
    {
      // Who may start the process by hand ("*" = every employee, else group keys, comma-separated;
      // absent = only the system starts it), and whether a business key may be used once only.
      name: "ProcessProps",
      isAbstract: true,
      extends: ["bpmn:Process"],
      properties: [
        { name: "candidateStarterGroups", isAttr: true, type: "String" },
        { name: "uniqueBusinessKey", isAttr: true, type: "Boolean" },
      ],
    },
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
