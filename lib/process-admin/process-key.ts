import "server-only";
import { AppError } from "../errors/app-error";
import { parseBpmn, type ModdleElement } from "../workflow/moddle";

/**
 * The key a diagram is stored under: the id of its (executable, else first)
 * process. A file that does not parse has none; the editor shows why.
 */
export async function processKeyOf(xml: string): Promise<{ key: string; name: string }> {
  let procs: (ModdleElement & { isExecutable?: boolean })[] = [];
  try {
    const ctx = await parseBpmn(xml);
    procs = (ctx.rootElement?.rootElements ?? []).filter((r) => r.$type === "bpmn:Process");
  } catch (e) {
    throw new AppError("bpmn_invalid", { params: { count: 1 }, details: [{ source: "product", code: "bpmn_malformed", severity: "error", params: { message: String((e as Error).message).slice(0, 200) } }] });
  }
  const proc = procs.find((p) => p.isExecutable) ?? procs[0];
  if (!proc?.id) throw new AppError("bpmn_invalid", { params: { count: 1 }, details: [{ source: "product", code: "not_executable", severity: "error" }] });
  return { key: proc.id, name: proc.name || proc.id };
}

/** A fresh, executable diagram with one start event, for "new process". */
export function newDiagramXml(key: string, name: string) {
  const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ff="http://factory-flow.dev/schema/bpmn" id="Definitions_${key}" targetNamespace="http://factory-flow.dev/processes">
  <bpmn:process id="${key}" name="${esc(name)}" isExecutable="true">
    <bpmn:startEvent id="start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${key}">
    <bpmndi:BPMNPlane id="Plane_${key}" bpmnElement="${key}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
