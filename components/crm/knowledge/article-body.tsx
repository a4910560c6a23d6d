import { Fragment } from "react";

/** **bold** inside a line, as React elements (the text itself is never parsed as HTML). */
function Inline({ text }: { text: string }) {
  const parts = text.split(/(\*\*[^*]+\*\*)/g);
  return <>{parts.map((p, i) => (p.startsWith("**") && p.endsWith("**") && p.length > 4 ? <strong key={i}>{p.slice(2, -2)}</strong> : <Fragment key={i}>{p}</Fragment>))}</>;
}

type Block = { kind: "h"; text: string } | { kind: "ul"; items: string[] } | { kind: "p"; lines: string[] };

/** Markdown-lite: blank lines part paragraphs, "## " makes a heading, "- " or "* " a list item. */
function blocks(body: string): Block[] {
  const out: Block[] = [];
  for (const raw of body.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const last = out.at(-1);
    if (!line.trim()) out.push({ kind: "p", lines: [] });
    else if (/^#{1,3}\s+/.test(line)) out.push({ kind: "h", text: line.replace(/^#{1,3}\s+/, "") });
    else if (/^\s*[-*]\s+/.test(line)) {
      const item = line.replace(/^\s*[-*]\s+/, "");
      if (last?.kind === "ul") last.items.push(item);
      else out.push({ kind: "ul", items: [item] });
    } else if (last?.kind === "p") last.lines.push(line);
    else out.push({ kind: "p", lines: [line] });
  }
  return out.filter((b) => b.kind !== "p" || b.lines.length);
}

/** A knowledge article's body (CRM-0), rendered safely: only elements made here, text as text. */
export function ArticleBody({ body }: { body: string }) {
  return (
    <div className="space-y-3 text-[15px] leading-7 text-slate-800" data-testid="article-body">
      {blocks(body).map((b, i) =>
        b.kind === "h" ? (
          <h2 key={i} className="pt-2 text-base font-semibold text-slate-900"><Inline text={b.text} /></h2>
        ) : b.kind === "ul" ? (
          <ul key={i} className="list-disc space-y-1 pl-5">{b.items.map((item, j) => <li key={j}><Inline text={item} /></li>)}</ul>
        ) : (
          <p key={i}>{b.lines.map((l, j) => <Fragment key={j}>{j ? <br /> : null}<Inline text={l} /></Fragment>)}</p>
        ),
      )}
    </div>
  );
}
