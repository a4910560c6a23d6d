/*
 * Files from other tools may use ids in any language (<bpmn:startEvent id="开始">
 * is a valid XML name), but moddle-xml, which parses BPMN on the server and in
 * the browser editor, accepts only ASCII ids and silently drops the element
 * otherwise. This rewrites such ids (and every reference to them) into ASCII
 * ones before parsing, pinyin for Chinese. Pure: used by the browser and the server.
 */
import { pinyin } from "pinyin-pro";

/** moddle-xml's own id check (moddle-xml dist/index.js, addElement). */
const MODDLE_ID = /^([a-z][\w-.]*:)?[a-z_][\w-.]*$/i;

const OMG = "http://www.omg.org/spec/";
const FF = "http://factory-flow.dev/schema/bpmn";

/** Attributes holding the id of another element (bpmn-moddle's isReference attributes, and calledElement). */
const REF_ATTRS = new Set(
  ("sourceRef targetRef bpmnElement attachedToRef default processRef messageRef signalRef errorRef escalationRef calledElement " +
    "dataObjectRef dataStoreRef itemSubjectRef structureRef sourceElement targetElement categoryValueRef activityRef operationRef " +
    "definitionalCollaborationRef partitionElementRef definition extensionDefinition valueRef extensionAttributeDefinition " +
    "inputDataRef outputDataRef innerConversationNodeRef outerConversationNodeRef calledCollaborationRef type evaluatesToTypeRef " +
    "itemRef import correlationPropertyRef correlationKeyRef innerMessageFlowRef outerMessageFlowRef innerParticipantRef " +
    "outerParticipantRef initiatingParticipantRef calledChoreographyRef oneBehaviorEventRef noneBehaviorEventRef parameterRef " +
    "choreographyActivityShape labelStyle").split(" "),
);

/** Elements whose text is the id of another element (bpmn-moddle's isReference element properties). */
const REF_ELEMENTS = new Set(
  ("incoming outgoing flowNodeRef sourceRef targetRef inMessageRef outMessageRef errorRef supports source target extensionDefinitions " +
    "eventDefinitionRef operationRef inputSetRef inputSetWithOptional inputSetWithWhileExecuting outputSetRef outputSetWithOptional " +
    "outputSetWithWhileExecuting dataInputRefs optionalInputRefs whileExecutingInputRefs outputSetRefs dataOutputRefs inputSetRefs " +
    "optionalOutputRefs whileExecutingOutputRefs participantRef messageFlowRefs correlationPropertyRef categoryValueRef " +
    "supportedInterfaceRef lanes incomingConversationLinks outgoingConversationLinks interfaceRef endPointRefs choreographyRef " +
    "messageFlowRef categorizedFlowElements boundaryEventRefs loopDataInputRef loopDataOutputRef resourceRef").split(" "),
);

type Span = { start: number; end: number; value: string };
type Edit = { start: number; end: number; text: string };

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, e: string) => {
    if (e[0] !== "#") return ENTITIES[e.toLowerCase()] ?? whole;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** FNV-1a: a short, stable suffix for ids with nothing readable in ASCII. */
function shortHash(s: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36).padStart(6, "0").slice(0, 6);
}

function readable(id: string) {
  let out = "";
  let lost = false;
  for (const part of pinyin(id, { toneType: "none", type: "all", v: true })) {
    if (part.isZh) out += part.result.charAt(0).toUpperCase() + part.result.slice(1);
    else if (/^[\w.-]+$/.test(part.origin)) out += part.origin;
    else {
      out += "_";
      lost ||= !/^\s+$/.test(part.origin);
    }
  }
  out = out.replace(/_+/g, "_").replace(/^_|_$/g, "");
  if (lost || !out) out = `${out || "Id"}_${shortHash(id)}`;
  return /^[a-z_]/i.test(out) ? out : `Id_${out}`;
}

const START_TAG = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/** Tags, attributes and reference texts of the document, in order; comments, CDATA and processing instructions skipped. */
function scan(xml: string) {
  const ids: Span[] = [];
  const refs: Span[] = [];
  const scopes: Record<string, string>[] = [{}];
  let i = 0;
  while ((i = xml.indexOf("<", i)) >= 0) {
    const skip = xml.startsWith("<!--", i) ? "-->" : xml.startsWith("<![CDATA[", i) ? "]]>" : xml.startsWith("<?", i) ? "?>" : xml.startsWith("<!", i) ? ">" : null;
    if (skip) {
      const end = xml.indexOf(skip, i);
      i = end < 0 ? xml.length : end + skip.length;
      continue;
    }
    if (xml[i + 1] === "/") {
      if (scopes.length > 1) scopes.pop();
      i = xml.indexOf(">", i) + 1 || xml.length;
      continue;
    }
    START_TAG.lastIndex = i;
    const tag = START_TAG.exec(xml);
    if (!tag) {
      i++;
      continue;
    }
    const attrs: { name: string; start: number; end: number; value: string }[] = [];
    const attrRe = /\s+([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    for (let m; (m = attrRe.exec(tag[2])); ) {
      const raw = m[3] ?? m[4];
      const start = i + 1 + tag[1].length + m.index + m[0].length - raw.length - 1;
      attrs.push({ name: m[1], start, end: start + raw.length, value: decode(raw) });
    }
    const scope = { ...scopes[scopes.length - 1] };
    for (const a of attrs) if (a.name === "xmlns" || a.name.startsWith("xmlns:")) scope[a.name.slice(6)] = a.value;
    const [prefix, local] = tag[1].includes(":") ? tag[1].split(":", 2) : ["", tag[1]];
    const ns = scope[prefix] ?? "";
    // Other tools' elements are not checked by moddle: their ids stay theirs.
    if (ns.startsWith(OMG) || ns === FF) {
      for (const a of attrs) {
        if (a.name === "id") ids.push(a);
        else if (REF_ATTRS.has(a.name)) refs.push(a);
      }
    }
    i += tag[0].length;
    if (tag[3]) continue;
    scopes.push(scope);
    if (ns.startsWith(`${OMG}BPMN/`) && REF_ELEMENTS.has(local)) {
      const end = xml.indexOf("<", i);
      if (end > i) refs.push({ start: i, end, value: decode(xml.slice(i, end)).trim() });
    }
  }
  return { ids, refs };
}

/** Any id attribute moddle would refuse: without one, the (slower) scan is skipped. */
const SUSPECT_ID = /\sid\s*=\s*(["'])(?!(?:[a-z][\w-.]*:)?[a-z_][\w-.]*\1)/i;

/** An XML declaration naming another encoding: the text is already decoded, so it is UTF-8 now. */
const DECLARED_ENCODING = /^(\uFEFF?\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])([^"']*)\2/;

/**
 * Rewrites every id moddle would refuse into a readable, unique ASCII id and
 * every reference to it (reference attributes and reference elements; never
 * names or other text), and an XML declaration's encoding to UTF-8. A document
 * without either is returned unchanged.
 */
export function asciiIds(xml: string): { xml: string; renamed: { from: string; to: string }[] } {
  const edits: Edit[] = [];
  const declared = DECLARED_ENCODING.exec(xml);
  if (declared && !/^utf-8$/i.test(declared[3])) {
    const start = declared[1].length + 1;
    edits.push({ start, end: start + declared[3].length, text: "UTF-8" });
  }

  if (!SUSPECT_ID.test(xml)) return edits.length ? { xml: applyEdits(xml, edits), renamed: [] } : { xml, renamed: [] };
  const { ids, refs } = scan(xml);
  const used = new Set(ids.map((s) => s.value));
  const map = new Map<string, string>();
  for (const { value } of ids) {
    if (MODDLE_ID.test(value) || map.has(value)) continue;
    const base = readable(value);
    let next = base;
    for (let n = 2; used.has(next); n++) next = `${base}_${n}`;
    used.add(next);
    map.set(value, next);
  }
  for (const span of [...ids, ...refs]) {
    const to = map.get(span.value);
    // A padded reference text would not resolve in moddle: the new one is written bare.
    if (to) edits.push({ start: span.start, end: span.end, text: to });
  }
  if (!edits.length) return { xml, renamed: [] };
  return { xml: applyEdits(xml, edits), renamed: [...map].map(([from, to]) => ({ from, to })) };
}

function applyEdits(xml: string, edits: Edit[]) {
  let out = "";
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}
