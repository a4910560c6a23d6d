import "server-only";
import BpmnModdle from "bpmn-moddle";
import { asciiIds } from "./ascii-ids";
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

/**
 * Parses BPMN XML with the ff extension; moddle warnings are returned, not thrown.
 * Ids moddle would drop (any language but ASCII) are renamed first, exactly as the
 * editor renames them on import, so files from other tools publish and run alike.
 */
export async function parseBpmn(xml: string): Promise<ModdleContext> {
  const moddle = new BpmnModdle({ ff: ffModdleDescriptor });
  return (await moddle.fromXML(asciiIds(xml.trim()).xml)) as unknown as ModdleContext;
}
