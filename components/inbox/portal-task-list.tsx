"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { cn } from "@/components/ui/cn";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { TaskRow } from "@/lib/inbox/list-tasks";
import { DueBadge } from "./due-badge";
import { DateTime } from "./format-date";

/** The supplier's tasks: open or done, cards on a phone and a table from sm up; paged on the server. */
export function PortalTaskList({ view, items, page, pages, total }: { view: "mine" | "done"; items: TaskRow[]; page: number; pages: number; total: number }) {
  const t = useTranslations("inbox");
  const href = (p: number) => `/portal/tasks?${new URLSearchParams({ ...(view === "done" ? { view } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const empty = view === "done" ? t("portal.emptyDone") : t("portal.empty");
  return (
    <div className="space-y-3">
      <nav aria-label={t("views.label")}>
        <ul className="flex gap-1 rounded-lg bg-slate-100 p-1 sm:inline-flex">
          {(["mine", "done"] as const).map((v) => (
            <li key={v} className="flex-1 sm:flex-none">
              <Link
                href={v === "done" ? "/portal/tasks?view=done" : "/portal/tasks"}
                aria-current={view === v ? "page" : undefined}
                data-testid={`view-${v}`}
                className={cn("block whitespace-nowrap rounded-md px-3 py-1.5 text-center text-sm", view === v ? "bg-white font-medium shadow-sm" : "text-slate-600 hover:text-slate-900")}
              >
                {v === "mine" ? t("portal.open") : t("portal.done")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <ul className="space-y-2 sm:hidden">
        {items.map((row) => (
          <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="task-card" data-task-id={row.id} data-due-state={row.dueState}>
            <Link href={`/portal/tasks/${row.id}`} className="block break-words font-medium text-emerald-800 hover:underline">{row.name}</Link>
            {row.subject ? <div className="mt-0.5 break-words text-sm text-slate-700">{row.subject}</div> : null}
            <div className="mt-1 text-xs text-slate-500"><span className="font-mono">{row.businessKey ?? "—"}</span> · {row.processName}</div>
            <div className="mt-2">{view === "done" ? <DateTime value={row.completedAt} compact /> : <DueBadge state={row.dueState} dueAt={row.dueAt} compact />}</div>
          </li>
        ))}
        {items.length === 0 ? <li className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-500">{empty}</li> : null}
      </ul>

      <TableContainer className="hidden sm:block">
        <Table data-testid="task-table">
          <thead>
            <tr>
              <Th>{t("columns.title")}</Th>
              <Th>{t("columns.businessKey")}</Th>
              <Th>{t("columns.process")}</Th>
              <Th>{t("columns.created")}</Th>
              <Th>{view === "done" ? t("task.status.completed") : t("columns.due")}</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50" data-testid="task-row" data-task-id={row.id} data-due-state={row.dueState}>
                <Td>
                  <Link href={`/portal/tasks/${row.id}`} className="font-medium text-emerald-800 hover:underline" data-testid="task-link">{row.name}</Link>
                  {row.subject ? <div className="max-w-72 truncate text-xs text-slate-500" title={row.subject}>{row.subject}</div> : null}
                </Td>
                <Td><span className="whitespace-nowrap font-mono text-xs">{row.businessKey ?? "—"}</span></Td>
                <Td><span className="whitespace-nowrap">{row.processName}</span></Td>
                <Td><DateTime value={row.createdAt} compact /></Td>
                <Td>{view === "done" ? <DateTime value={row.completedAt} compact /> : <DueBadge state={row.dueState} dueAt={row.dueAt} compact />}</Td>
              </tr>
            ))}
            {items.length === 0 ? (
              <tr><Td colSpan={5} className="py-8 text-center text-slate-500">{empty}</Td></tr>
            ) : null}
          </tbody>
        </Table>
      </TableContainer>
      <PagerLinks page={page} pageCount={pages} total={total} href={href} />
    </div>
  );
}
