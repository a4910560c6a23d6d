"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { HistoryEntry } from "@/lib/inbox/instance-history";
import { DateTime } from "./format-date";

const DOT: Record<string, string> = {
  "instance.started": "bg-brand-600",
  "task.completed": "bg-green-600",
  "instance.completed": "bg-green-700",
  "instance.incident": "bg-red-600",
  "job.failed": "bg-red-600",
  "task.cancelled": "bg-slate-400",
  "token.moved": "bg-amber-500",
  "variables.changed": "bg-slate-300",
};

/** The instance's history as a timeline, newest last, with who did it. */
export function TaskHistory({ entries }: { entries: HistoryEntry[] }) {
  const t = useTranslations("inbox.history");
  const tInbox = useTranslations("inbox");
  const format = useFormatter();
  const zh = useLocale() === "zh-CN";
  const incident = useTranslations("processes.incident");
  const text = (v: { zh: string; en: string }) => (zh ? v.zh : v.en);
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  // Message keys cannot hold dots: "task.completed" is types.task_completed.
  const typeLabel = (type: string) => {
    const key = `types.${type.replace(/\./g, "_")}`;
    return t.has(key) ? t(key) : t("types.other");
  };
  const decisionLabel = (d: string) => (tInbox.has(`decision.${d}`) ? tInbox(`decision.${d}`) : d);
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="history">
      {entries.map((e) => (
        <li key={e.id} className="relative" data-testid="history-entry" data-type={e.type}>
          <span className={cn("absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white", DOT[e.type] ?? "bg-slate-300")} aria-hidden />
          <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span className="font-medium text-slate-900">{typeLabel(e.type)}</span>
            {e.subject ? <span className="text-slate-700">{e.subject}</span> : null}
          </div>
          <div className="text-xs text-slate-500">
            <DateTime value={e.at} /> · {e.actorName ?? t("system")}
          </div>
          {e.decision ? <p className="mt-1 text-sm" data-testid="history-decision">{t("decision", { decision: decisionLabel(e.decision) })}</p> : null}
          {e.toName ? <p className="mt-1 text-sm">{e.fromName ? t("handover", { from: e.fromName, to: e.toName }) : t("handoverTo", { to: e.toName })}</p> : null}
          {e.dueAt ? <p className="mt-1 text-sm">{t("dueTo", { due: format.dateTime(new Date(e.dueAt), { dateStyle: "short", timeStyle: "short" }) })}</p> : null}
          {e.comment ? <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700">{t("reason", { reason: e.comment })}</p> : null}
          {e.assignedTo ? <p className="mt-1 text-sm" data-testid="history-assigned">{t("assignedTo", { to: zh ? e.assignedTo.zh : e.assignedTo.en })}</p> : null}
          {e.incidentCode ? (
            <div className="mt-1 text-sm text-red-700" data-testid="history-incident">
              <p>{incident.has(e.incidentCode) ? incident(e.incidentCode as "engine_error") : incident("engine_error")}</p>
              {e.error ? (
                <details className="text-xs">
                  <summary className="cursor-pointer">{incident("details")}</summary>
                  <p className="mt-1 whitespace-pre-wrap break-words font-mono">{e.error}</p>
                </details>
              ) : null}
            </div>
          ) : null}
          {e.changes?.length ? (
            <ul className="mt-1 space-y-0.5 text-xs text-slate-700" data-testid="history-changes">
              {e.changes.map((c) => (
                <li key={c.name} className="break-words">
                  <span className="font-medium">{zh ? c.labelZh : c.labelEn}</span>: {text(c.before) || t("unset")} → {text(c.after) || t("unset")}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
