"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { useDateTime } from "./format-date";

export type DueState = "overdue" | "soon" | "ontime" | "none";

const TONES: Record<DueState, string> = {
  overdue: "bg-red-50 text-red-700 ring-red-200",
  soon: "bg-amber-50 text-amber-800 ring-amber-200",
  ontime: "bg-green-50 text-green-700 ring-green-200",
  none: "bg-slate-50 text-slate-500 ring-slate-200",
};

/**
 * The due date in the colour of its state: overdue red, due soon amber, on time green.
 * "none" is an open task without a due date ("无期限"); a closed task's due date (state
 * "none" with a date) is shown as a plain date: it no longer runs late or on time.
 */
export function DueBadge({ state, dueAt, compact, className }: { state: DueState; dueAt: Date | null; compact?: boolean; className?: string }) {
  const t = useTranslations("inbox.due");
  const fmt = useDateTime();
  const word = state === "none" && dueAt ? null : t(state);
  return (
    <span className={cn("inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs ring-1 ring-inset", TONES[state], className)} data-due={state}>
      {dueAt ? <time dateTime={new Date(dueAt).toISOString()}>{fmt(dueAt, { compact })}</time> : null}
      {word ? <span className={cn(dueAt && "before:mr-1 before:content-['·']")}>{word}</span> : null}
    </span>
  );
}

function priorityLevel(p: number): "high" | "normal" | "low" {
  return p >= 70 ? "high" : p >= 40 ? "normal" : "low";
}

/** Priority as a word, with the number for those who sort by it. */
export function PriorityLabel({ value }: { value: number }) {
  const t = useTranslations("inbox.priority");
  const level = priorityLevel(value);
  return (
    <span className={cn("whitespace-nowrap text-xs", level === "high" ? "font-semibold text-red-700" : level === "low" ? "text-slate-500" : "text-slate-700")} title={String(value)}>
      {t(level)}
    </span>
  );
}
