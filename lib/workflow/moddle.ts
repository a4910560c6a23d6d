import "server-only";
import BpmnModdle from "bpmn-moddle";
import { ffModdleDescriptor } from "./ff-descriptor";


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
