"use client";

import { AlertTriangle, XCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { DiagramProblem } from "@/lib/process-admin/problems";

const PARAMS = { type: "", form: "", value: "", handler: "", message: "", name: "" };
const MAX_ELEMENTS = 5;

/**
 * One line of the list: a problem on one element, or on several when it reads
 * the same on each (another tool's metadata on every shape). Parser and other
 * technical texts (`params.message`) are kept apart, for the details.
 */
type Row = {
  key: string;
  source: DiagramProblem["source"];
  code: string;
  severity: DiagramProblem["severity"];
  elementIds: string[];
  params: Record<string, string[]>;
  technical: string[];
};

function toRows(problems: DiagramProblem[]): Row[] {
  const byElement = new Map<string, Row>();
  for (const p of problems) {
    const key = `${p.source}|${p.code}|${p.elementId ?? ""}`;
    let row = byElement.get(key);
    if (!row) byElement.set(key, (row = { key, source: p.source, code: p.code, severity: p.severity, elementIds: p.elementId ? [p.elementId] : [], params: {}, technical: [] }));
    if (p.severity === "error") row.severity = "error";
    for (const [name, value] of Object.entries(p.params ?? {})) {
      const list = name === "message" ? row.technical : (row.params[name] ??= []);
      // An empty technical text still counts as one unreadable part.
      const v = name === "message" ? value || "—" : value;
      if (!list.includes(v)) list.push(v);
    }
  }
  // The browser's parser places some texts on an element that the server's reports for the whole file: once is enough.
  const placed = new Set([...byElement.values()].filter((r) => r.elementIds.length).flatMap((r) => r.technical.map((m) => `${r.code}|${m}`)));
  for (const row of byElement.values()) {
    if (row.elementIds.length || !row.technical.length) continue;
    row.technical = row.technical.filter((m) => !placed.has(`${row.code}|${m}`));
    if (!row.technical.length) byElement.delete(row.key);
  }
  const rows: Row[] = [];
  const alike = new Map<string, Row>();
  for (const row of byElement.values()) {
    if (row.severity !== "warning" || row.technical.length || !row.elementIds.length) {
      rows.push(row);
      continue;
    }
    const key = `${row.source}|${row.code}|${JSON.stringify(row.params)}`;
    const same = alike.get(key);
    if (same) same.elementIds.push(...row.elementIds);
    else {
      alike.set(key, row);
      rows.push(row);
    }
  }
  return rows.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/** How many lines the list shows for these problems. */
export function problemLineCount(problems: DiagramProblem[]) {
  return toRows(problems).length;
}

/** The text of a row in the user's language: product codes under processes.lint, bpmnlint rules under processes.bpmnlint. */
function useRowText() {
  const t = useTranslations("processes");
  const separator = useLocale() === "en" ? ", " : "、";
  return useCallback(
    (row: Row) => {
      const key = row.source === "bpmnlint" ? `bpmnlint.${row.code}` : `lint.${row.code}`;
      const params = Object.fromEntries(Object.entries(row.params).map(([k, v]) => [k, v.join(separator)]));
      if (row.technical.length) {
        // A summary a process owner can read; the parser's words go to the details.
        const count = row.technical.length;
        const summary = [row.elementIds.length ? `lint.${row.code}_element` : "", `lint.${row.code}_summary`].find((k) => k && t.has(k));
        if (summary) return t(summary, { count });
        if (t.has(key)) return t(key, { ...PARAMS, ...params, message: t("lint.technical_see_details") });
        return t("lint.technical_summary", { count });
      }
      return t.has(key) ? t(key, { ...PARAMS, ...params }) : t("lint.unknown", { code: row.code });
    },
    [t, separator],
  );
}

/** A single problem in the user's language (marker tooltips), never with raw parser text. */
export function useProblemText() {
  const text = useRowText();
  return useCallback((p: DiagramProblem) => text(toRows([p])[0]), [text]);
}

/**
 * Problems, errors first, each with the elements it concerns (by name; clicking
 * one selects it on the diagram) and any technical text folded away.
 */
export function ProblemList({ problems, labelOf, onSelect, testId }: { problems: DiagramProblem[]; labelOf: (id: string) => string | null; onSelect: (id: string) => void; testId?: string }) {
  const t = useTranslations("processes.editor");
  const separator = useLocale() === "en" ? ", " : "、";
  const text = useRowText();
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid={testId}>
      {toRows(problems).map((row) => {
        // A pool and its process read the same: each name once.
        const named = row.elementIds.flatMap((id) => {
          const label = labelOf(id);
          return label ? [{ id, label }] : [];
        }).filter((e, i, all) => all.findIndex((o) => o.label === e.label) === i);
        return (
          <li key={row.key} className="flex items-start gap-2 py-1.5" data-code={row.code} data-element-id={row.elementIds[0] ?? ""} data-element-ids={row.elementIds.join(" ")} data-severity={row.severity}>
            {row.severity === "error" ? <XCircle className="mt-0.5 h-4 w-4 shrink-0 text-red-600" aria-label={t("error")} /> : <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" aria-label={t("warning")} />}
            <div className="min-w-0 flex-1">
              {named.length ? (
                <span className="mr-1">
                  {named.slice(0, MAX_ELEMENTS).map((e, i) => (
                    <span key={e.id}>
                      {i ? separator : null}
                      <button type="button" className="font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => onSelect(e.id)}>
                        {e.label}
                      </button>
                    </span>
                  ))}
                  {named.length > MAX_ELEMENTS ? <span className="text-slate-500">{t("moreElements", { count: named.length - MAX_ELEMENTS })}</span> : null}
                </span>
              ) : null}
              <span className="text-slate-700">{text(row)}</span>
              {row.technical.length ? (
                <details className="mt-1 text-xs text-slate-500" data-testid="technical-details">
                  <summary className="cursor-pointer select-none hover:text-slate-700">{t("technicalDetails")}</summary>
                  <ul className="mt-1 space-y-1 rounded bg-slate-50 p-2 font-mono break-words whitespace-pre-wrap" lang="en">
                    {row.technical.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
