import type { Segment } from "@/lib/crm/knowledge/fold-text";

/** Text with the search's hits marked; every piece is a text node, never HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i} className="rounded bg-amber-100 px-0.5 text-slate-900">{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
