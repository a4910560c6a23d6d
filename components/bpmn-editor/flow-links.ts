/*
 * bpmn-js keeps `incoming`/`outgoing` of the imported business objects as the
 * file lists them, and hand-written or generated files (the shipped ones
 * included) often list none. bpmnlint's connection rules read them, so they
 * are filled from the sequence flows right after parsing, before anything lints.
 */
type Node = { $type: string; flowElements?: Node[]; rootElements?: Node[]; incoming?: Node[]; outgoing?: Node[]; sourceRef?: Node; targetRef?: Node };

function linkSequenceFlows(container: Node) {
  for (const f of container.flowElements ?? []) {
    if (f.$type === "bpmn:SequenceFlow") {
      if (f.sourceRef && !(f.sourceRef.outgoing ??= []).includes(f)) f.sourceRef.outgoing.push(f);
      if (f.targetRef && !(f.targetRef.incoming ??= []).includes(f)) f.targetRef.incoming.push(f);
    } else if (f.flowElements) {
      linkSequenceFlows(f);
    }
  }
}

function FlowLinks(eventBus: { on: (e: string, p: number, fn: (ev: { definitions?: Node }) => void) => void }) {
  eventBus.on("import.parse.complete", 2000, (ev) => {
    for (const root of ev.definitions?.rootElements ?? []) if (root.$type === "bpmn:Process") linkSequenceFlows(root);
  });
}
FlowLinks.$inject = ["eventBus"];

export const flowLinksModule = { __init__: ["ffFlowLinks"], ffFlowLinks: ["type", FlowLinks] };
