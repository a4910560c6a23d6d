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
      // The business data of a process: which variables people see on its task pages and in
      // its history, with labels in both languages and how each is shown (lib/inbox/format-value.ts).
      // Anything not declared here or filled in by one of its forms is the runtime's own.
      name: "BusinessData",
      superClass: ["Element"],
      properties: [{ name: "fields", type: "BusinessField", isMany: true }],
    },
    {
      name: "BusinessField",
      superClass: ["Element"],
      properties: [
        { name: "name", isAttr: true, type: "String" },
        // text | number | money | date | datetime | boolean | person | group | supplier | lines
        { name: "type", isAttr: true, type: "String" },
        { name: "labelZh", isAttr: true, type: "String" },
        { name: "labelEn", isAttr: true, type: "String" },
        // Shown to employees only, never in the supplier portal.
        { name: "staffOnly", isAttr: true, type: "Boolean" },
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
