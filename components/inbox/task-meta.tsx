"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TaskDetail } from "@/lib/inbox/get-task-detail";
import { DueBadge, PriorityLabel } from "./due-badge";
import { DateTime } from "./format-date";

const STATUS_TONE = { open: "bg-blue-50 text-blue-700", completed: "bg-green-50 text-green-700", cancelled: "bg-slate-100 text-slate-600" } as const;

export function TaskStatusBadge({ status }: { status: TaskDetail["task"]["status"] }) {
  const t = useTranslations("inbox.task.status");
  return <Badge className={cn("text-sm", STATUS_TONE[status])} data-testid="task-status" data-status={status}>{t(status)}</Badge>;
}

/** The task's facts: process, business key, due date, who has it. Staff names only for employees (the page decides). */
export function TaskMeta({ detail }: { detail: Pick<TaskDetail, "task" | "instance"> }) {
  const t = useTranslations("inbox");
  const zh = useLocale() === "zh-CN";
  const { task, instance } = detail;
  const item = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-words text-sm text-slate-900" data-testid={testId}>{value}</dd>
    </div>
  );
  const who = task.assigneeName
    ? `${task.assigneeName}${task.substituteForName ? ` (${t("task.substituteFor", { name: task.substituteForName })})` : ""}`
    : task.groups.length
      ? task.groups.map((g) => (zh ? g.nameZh : g.nameEn)).join("、")
      : null;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
      {item(t("task.process"), `${instance.process.name} · v${instance.process.version}`, "task-process")}
      {item(t("task.businessKey"), <span className="font-mono">{instance.businessKey ?? "—"}</span>, "task-business-key")}
      {/* A closed task no longer has a deadline to meet: when it was closed says more. */}
      {task.status === "open"
        ? item(t("task.due"), <DueBadge state={task.dueState} dueAt={task.dueAt} />, "task-due")
        : item(t(`task.closedAt.${task.status}`), task.completedAt ? <DateTime value={task.completedAt} /> : "—", "task-closed-at")}
      {item(t("task.created"), <DateTime value={task.createdAt} />)}
      {item(t("task.priority"), <PriorityLabel value={task.priority} />)}
      {who ? item(task.assigneeName ? t("task.assignee") : t("task.groups"), who, "task-assignee") : null}
      {instance.startedByName ? item(t("task.startedBy"), instance.startedByName) : null}
      {instance.supplierName ? item(t("task.supplier"), instance.supplierName, "task-supplier") : null}
    </dl>
  );
}
