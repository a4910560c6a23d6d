import "server-only";
import { diff } from "bpmn-js-differ";
import { parseBpmn } from "../workflow/moddle";

export type DiagramDiff = {
  added: string[];
  removed: string[];
  /** Element id -> changed attributes with their old and new values (as text). */
  changed: Record<string, { attr: string; from: string; to: string }[]>;
  layoutChanged: string[];
  /** Names of the elements concerned (from either version), for the change list. */
  names: Record<string, string>;
};

const text = (v: unknown): string => {
  if (v === undefined || v === null) return "";
  if (typeof v === "object") {
    const o = v as { id?: string; body?: string; $type?: string };
    return o.body ?? o.id ?? o.$type ?? JSON.stringify(v);
  }
  return String(v).replace(/^#ref:/, "");
};

type Node = { flowElements?: Node[]; rootElements?: Node[]; incoming?: unknown; outgoing?: unknown };

/** incoming/outgoing repeat what the flows say, and only some files list them: left out of the comparison. */
function dropFlowLists(el: Node) {
  for (const f of [...(el.rootElements ?? []), ...(el.flowElements ?? [])]) {
    delete f.incoming;
    delete f.outgoing;
    dropFlowLists(f);
  }
}

/**
 * Semantic difference between two diagrams (bpmn-js-differ): which elements
 * were added, removed, changed (with the attributes) or only moved. The
 * version page colours the two diagrams from it.
 */
export async function diffDiagrams(oldXml: string, newXml: string): Promise<DiagramDiff> {
  const [a, b] = await Promise.all([parseBpmn(oldXml), parseBpmn(newXml)]);
  dropFlowLists(a.rootElement as Node);
  dropFlowLists(b.rootElement as Node);
  const result = diff(a.rootElement, b.rootElement) as {
    _added: Record<string, unknown>;
    _removed: Record<string, unknown>;
    _changed: Record<string, { attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, unknown>;
  };
  const changed: DiagramDiff["changed"] = {};
  for (const [id, c] of Object.entries(result._changed)) {
    // bpmn-js-differ 3.2 hands jsondiffpatch's [old, new] to changed(newValue, oldValue): its labels are swapped.
    changed[id] = Object.entries(c.attrs).map(([attr, v]) => ({ attr, from: text(v.newValue), to: text(v.oldValue) }));
  }
  const names: Record<string, string> = {};
  for (const ctx of [a, b]) for (const [id, el] of Object.entries(ctx.elementsById)) if (el.name) names[id] = el.name;
  return {
    names,
    added: Object.keys(result._added).sort(),
    removed: Object.keys(result._removed).sort(),
    changed,
    layoutChanged: Object.keys(result._layoutChanged).filter((id) => !changed[id]).sort(),
  };
}
