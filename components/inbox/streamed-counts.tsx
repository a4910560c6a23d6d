"use client";

import { useTranslations } from "next-intl";
import { Suspense, use } from "react";
import { cn } from "@/components/ui/cn";
import type { OpenTaskCounts } from "@/lib/inbox/count-open-tasks";
import type { TaskTotal } from "@/lib/inbox/count-tasks";

// The inbox renders its page of tasks first; the counts arrive as promises from
// the server and fill these in when they are done (null: the count failed, shown as unknown).

/** The pager's total ("共 41 条", "超过 1000 条"). */
export function TaskTotalLabel({ total }: { total: Promise<TaskTotal | null> }) {
  const t = useTranslations("inbox.list");
  return (
    <Suspense fallback={<span className="text-slate-400" data-testid="task-total-pending">{t("counting")}</span>}>
      <TotalText total={total} />
    </Suspense>
  );
}

/** "第 2 / 5 页", or "第 2 页" while counting. */
export function TaskPageLabel({ page, total }: { page: number; total: Promise<TaskTotal | null> }) {
  const t = useTranslations("inbox.list");
  return (
    <Suspense fallback={<span className="whitespace-nowrap tabular-nums">{t("page", { page })}</span>}>
      <PageOf page={page} total={total} />
    </Suspense>
  );
}

function TotalText({ total }: { total: Promise<TaskTotal | null> }) {
  const t = useTranslations("inbox.list");
  const tc = useTranslations("common");
  const n = use(total);
  if (!n) return <span className="text-slate-400">—</span>;
  return <span data-testid="task-total">{n.totalCapped ? t("totalCapped", { count: n.total }) : tc("total", { count: n.total })}</span>;
}

function PageOf({ page, total }: { page: number; total: Promise<TaskTotal | null> }) {
  const tc = useTranslations("common");
  const t = useTranslations("inbox.list");
  const n = use(total);
  if (!n) return <span className="whitespace-nowrap tabular-nums">{t("page", { page })}</span>;
  return <span className="whitespace-nowrap tabular-nums" data-testid="task-page">{tc("pageOf", { page, pages: n.pages })}</span>;
}

/** The open-task badge on a view tab (mine, group); nothing while counting or at zero. */
export function ViewCountBadge({ counts, view, current }: { counts: Promise<OpenTaskCounts | null>; view: "mine" | "group"; current: boolean }) {
  return (
    <Suspense fallback={null}>
      <Badge counts={counts} view={view} current={current} />
    </Suspense>
  );
}

function Badge({ counts, view, current }: { counts: Promise<OpenTaskCounts | null>; view: "mine" | "group"; current: boolean }) {
  const n = use(counts)?.[view];
  if (!n) return null;
  return <span className={cn("rounded-full px-1.5 text-xs tabular-nums", current ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-700")} data-testid={`view-count-${view}`}>{n}</span>;
}
