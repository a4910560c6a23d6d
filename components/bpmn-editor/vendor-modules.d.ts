// The bpmn-io editor packages ship JavaScript without type declarations.
declare module "bpmn-js-properties-panel" {
  export const BpmnPropertiesPanelModule: unknown;
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}

declare module "@bpmn-io/properties-panel" {
  type Component = (props: Record<string, unknown>) => null;
  export const TextFieldEntry: Component;
  export const TextAreaEntry: Component;
  export const SelectEntry: Component;
  export const CheckboxEntry: Component;
  export const Group: Component;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isTextAreaEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
}

declare module "bpmn-js-bpmnlint" {
  const lintModule: unknown;
  export default lintModule;
}
