"use client";

import { AlertTriangle, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { DiagramProblem } from "@/lib/process-admin/problems";

const PARAMS = { type: "", form: "", value: "", handler: "", message: "", name: "" };

/** A problem in the user's language: product codes under processes.lint, bpmnlint rules under processes.bpmnlint. */
export function useProblemText() {
  const t = useTranslations("processes");
  return useCallback(
    (p: DiagramProblem) => {
      const key = p.source === "bpmnlint" ? `bpmnlint.${p.code}` : `lint.${p.code}`;
      return t.has(key) ? t(key, { ...PARAMS, ...(p.params ?? {}) }) : t("lint.unknown", { code: p.code });
    },
    [t],
  );
}

/** Problems, errors first; clicking one selects its element on the diagram. */
export function ProblemList({ problems, labelOf, onSelect, testId }: { problems: DiagramProblem[]; labelOf: (id: string) => string; onSelect: (id: string) => void; testId?: string }) {
  const t = useTranslations("processes.editor");
  const text = useProblemText();
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid={testId}>
      {sorted.map((p, i) => (
        <li key={`${p.source}-${p.code}-${p.elementId ?? ""}-${i}`} className="flex items-start gap-2 py-1.5" data-code={p.code} data-element-id={p.elementId ?? ""} data-severity={p.severity}>
          {p.severity === "error" ? <XCircle className="mt-0.5 h-4 w-4 shrink-0 text-red-600" aria-label={t("error")} /> : <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" aria-label={t("warning")} />}
          <span className="min-w-0 flex-1">
            {p.elementId ? (
              <button type="button" className="mr-1 font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => onSelect(p.elementId!)}>
                {labelOf(p.elementId)}
              </button>
            ) : null}
            <span className="text-slate-700">{text(p)}</span>
            <span className="ml-1 text-xs text-slate-400">{p.source === "bpmnlint" ? `bpmnlint/${p.code}` : p.code}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
