"use client";

import {
  createColumnHelper,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { claimTaskAction, unclaimTaskAction } from "@/app/(workbench)/inbox/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { TASK_VIEWS, type TaskQuery } from "@/lib/inbox/inbox.schema";
import type { OpenTaskCounts } from "@/lib/inbox/count-open-tasks";
import type { ProcessOption } from "@/lib/inbox/list-process-options";
import type { SavedFilterRow } from "@/lib/inbox/list-saved-filters";
import type { TaskTotal } from "@/lib/inbox/count-tasks";
import type { TaskRow } from "@/lib/inbox/list-tasks";
import { DueBadge, PriorityLabel } from "./due-badge";
import { DateTime } from "./format-date";
import { inboxSearch } from "./inbox-query";
import { SavedFilters, type GroupOption } from "./saved-filters";
import { TaskPageLabel, TaskTotalLabel, ViewCountBadge } from "./streamed-counts";

type List = { query: TaskQuery; items: TaskRow[]; hasNext: boolean };

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, TaskRow>();
const PAGE_SIZES = [10, 20, 50, 100];

/** The inbox list. `total` (the pager's count) and `counts` (the tab badges) stream in after the page (see listTasks). */
export function TaskListView(props: { list: List; total: Promise<TaskTotal | null>; counts: Promise<OpenTaskCounts | null>; processes: ProcessOption[]; savedFilters: SavedFilterRow[]; groups: GroupOption[] }) {
  const { list } = props;
  const t = useTranslations("inbox");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNav] = useTransition();
  const claim = useAction(claimTaskAction);
  const unclaim = useAction(unclaimTaskAction);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = list.query;

  const go = (patch: Partial<TaskQuery>) => startNav(() => router.push(`${pathname}${inboxSearch({ ...query, page: 1, ...patch })}`));
  const sorting = useMemo<SortingState>(() => [{ id: query.sort, desc: query.dir === "desc" }], [query.sort, query.dir]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: query.page - 1, pageSize: query.size }), [query.page, query.size]);

  const onClaim = (row: TaskRow) => {
    setBusy(row.id);
    setNotice(null);
    claim.run({ taskId: row.id }, () => setNotice(t("actions.claimed")));
  };
  const onUnclaim = (row: TaskRow) => {
    setBusy(row.id);
    setNotice(null);
    unclaim.run({ taskId: row.id });
  };
  const rowAction = (row: TaskRow) => {
    const pending = (claim.pending || unclaim.pending) && busy === row.id;
    // "todo" holds both: the group's unclaimed tasks (claim) and mine (give back to the group).
    if (query.view === "group" || (query.view === "todo" && !row.assigneeId)) {
      return (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => onClaim(row)} data-testid="claim">
          {t("actions.claim")}
        </Button>
      );
    }
    if ((query.view === "mine" || query.view === "todo") && row.candidateGroups.length > 0) {
      return (
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => onUnclaim(row)} data-testid="unclaim">
          {t("actions.unclaim")}
        </Button>
      );
    }
    return null;
  };

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("name", {
          header: t("columns.title"),
          enableSorting: false,
          cell: (c) => (
            <div className="min-w-36 max-w-60">
              <Link href={`/inbox/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline" data-testid="task-link">
                {c.getValue()}
              </Link>
              {c.row.original.subject ? <div className="truncate text-xs text-slate-500" title={c.row.original.subject}>{c.row.original.subject}</div> : null}
            </div>
          ),
        }),
        helper.accessor("businessKey", { header: t("columns.businessKey"), enableSorting: false, cell: (c) => <span className="whitespace-nowrap font-mono text-xs">{c.getValue() ?? "—"}</span> }),
        helper.accessor("processName", { header: t("columns.process"), enableSorting: false, cell: (c) => <span className="whitespace-nowrap">{c.getValue()}</span> }),
        helper.accessor("createdAt", { header: t("columns.created"), cell: (c) => <DateTime value={c.getValue()} compact /> }),
        helper.accessor("dueAt", { header: t("columns.due"), cell: (c) => <DueBadge state={c.row.original.dueState} dueAt={c.getValue()} compact /> }),
        helper.accessor("priority", { header: t("columns.priority"), cell: (c) => <PriorityLabel value={c.getValue()} /> }),
        helper.accessor("assigneeName", {
          header: t("columns.assignee"),
          enableSorting: false,
          cell: (c) => <span className="whitespace-nowrap">{c.getValue() ?? <span className="text-slate-400">{t("list.unassigned")}</span>}</span>,
        }),
        helper.display({ id: "actions", header: t("columns.actions"), cell: (c) => <div className="flex justify-end">{rowAction(c.row.original)}</div> }),
      ]),
    // rowAction follows the pending state; the columns only need to follow what they show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, query.view, claim.pending, unclaim.pending, busy],
  );

  const table = useTable({
    features,
    columns,
    data: list.items,
    getRowId: (r) => r.id,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (u: Updater<SortingState>) => {
      const [s] = functionalUpdate(u, sorting);
      go({ sort: (s?.id ?? "createdAt") as TaskQuery["sort"], dir: s?.desc ? "desc" : "asc" });
    },
    onPaginationChange: (u: Updater<PaginationState>) => {
      const p = functionalUpdate(u, pagination);
      go({ page: p.pageIndex + 1, size: p.pageSize });
    },
  });

  const filtered = !!(query.q || query.process || query.due);
  const error = claim.error ?? unclaim.error;

  return (
    <div className="space-y-3">
      <nav aria-label={t("views.label")} className="-mx-4 overflow-x-auto px-4 md:mx-0 md:px-0">
        <ul className="flex min-w-max gap-1 rounded-lg bg-slate-100 p-1">
          {TASK_VIEWS.map((v) => {
            const current = query.view === v;
            return (
              <li key={v}>
                <Link
                  href={`${pathname}${inboxSearch({ ...query, view: v, page: 1 })}`}
                  aria-current={current ? "page" : undefined}
                  data-testid={`view-${v}`}
                  className={cn("flex items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm sm:px-3", current ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")}
                >
                  {t(`views.${v}`)}
                  {v === "mine" || v === "group" ? <ViewCountBadge counts={props.counts} view={v} current={current} /> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <form
        role="search"
        className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: String(new FormData(e.currentTarget).get("q") ?? "").trim() || undefined });
        }}
      >
        <div className="flex min-w-0 gap-2 sm:w-80">
          <Input key={query.q ?? ""} name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("filters.search")} aria-label={t("filters.search")} data-testid="task-search" />
          <Button type="submit" variant="secondary" size="icon" className="shrink-0" aria-label={tc("search")}>
            <Search className="h-4 w-4" aria-hidden />
          </Button>
        </div>
        <div className="grid grid-cols-2 gap-2 sm:flex">
          <Select aria-label={t("filters.process")} className="sm:w-44" value={query.process ?? ""} onChange={(e) => go({ process: e.target.value || undefined })} data-testid="filter-process">
            <option value="">{t("filters.allProcesses")}</option>
            {props.processes.map((p) => (
              <option key={p.key} value={p.key}>{p.name}</option>
            ))}
          </Select>
          <Select aria-label={t("filters.due")} className="sm:w-40" value={query.due ?? ""} onChange={(e) => go({ due: (e.target.value || undefined) as TaskQuery["due"] })} data-testid="filter-due">
            <option value="">{t("filters.anyDue")}</option>
            {(["overdue", "soon", "ontime"] as const).map((d) => (
              <option key={d} value={d}>{t(`due.${d}`)}</option>
            ))}
          </Select>
        </div>
        {filtered ? (
          <Link href={`${pathname}${inboxSearch({ view: query.view })}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
            {t("filters.reset")}
          </Link>
        ) : null}
      </form>

      <SavedFilters filters={props.savedFilters} groups={props.groups} query={query} />

      {error ? <Alert>{error.message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      {/* Phones get cards; from sm up the table, which scrolls inside its own box if it must. */}
      <ul className={cn("space-y-2 sm:hidden", navigating && "opacity-60")} aria-busy={navigating} data-testid="task-cards">
        {list.items.map((row) => (
          <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="task-card" data-task-id={row.id} data-due-state={row.dueState}>
            <div className="flex items-start justify-between gap-2">
              <Link href={`/inbox/${row.id}`} className="min-w-0 break-words font-medium text-brand-700 hover:underline">{row.name}</Link>
              <PriorityLabel value={row.priority} />
            </div>
            {row.subject ? <div className="mt-0.5 break-words text-sm text-slate-700">{row.subject}</div> : null}
            <div className="mt-1 text-xs text-slate-500">
              <span className="font-mono">{row.businessKey ?? "—"}</span> · {row.processName}
            </div>
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
              <DueBadge state={row.dueState} dueAt={row.dueAt} compact />
              <span className="text-xs text-slate-600">{row.assigneeName ?? t("list.unassigned")}</span>
              {rowAction(row)}
            </div>
          </li>
        ))}
        {list.items.length === 0 ? <li className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-500">{t("list.empty")}</li> : null}
      </ul>

      <TableContainer className={cn("hidden sm:block", navigating && "opacity-60")} aria-busy={navigating}>
        <Table data-testid="task-table">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const label = <table.FlexRender header={h} />;
                  return (
                    <Th key={h.id} className={h.column.id === "actions" ? "text-right" : undefined} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {h.column.getCanSort() ? (
                        <button type="button" className="inline-flex items-center gap-1 hover:text-slate-900" onClick={h.column.getToggleSortingHandler()} data-testid={`sort-${h.column.id}`}>
                          {label}
                          {sorted === "asc" ? <ArrowUp className="h-3.5 w-3.5" aria-hidden /> : sorted === "desc" ? <ArrowDown className="h-3.5 w-3.5" aria-hidden /> : <ArrowUpDown className="h-3.5 w-3.5 text-slate-300" aria-hidden />}
                        </button>
                      ) : (
                        label
                      )}
                    </Th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50" data-testid="task-row" data-task-id={row.original.id} data-due-state={row.original.dueState}>
                {row.getAllCells().map((cell) => (
                  <Td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </Td>
                ))}
              </tr>
            ))}
            {list.items.length === 0 ? (
              <tr>
                <Td colSpan={columns.length} className="py-8 text-center text-slate-500">{t("list.empty")}</Td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </TableContainer>

      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-slate-600">
        <div className="flex items-center gap-3">
          <TaskTotalLabel total={props.total} />
          <label className="inline-flex items-center gap-1">
            <span className="whitespace-nowrap">{t("list.pageSize")}</span>
            <Select className="h-8 w-20" value={query.size} onChange={(e) => table.setPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
            </Select>
          </label>
        </div>
        <div className="flex items-center gap-2">
          <Button variant="secondary" size="sm" disabled={query.page <= 1} onClick={() => table.previousPage()}>{tc("previous")}</Button>
          <TaskPageLabel page={query.page} total={props.total} />
          <Button variant="secondary" size="sm" disabled={!list.hasNext} onClick={() => go({ page: query.page + 1 })} data-testid="next-page">{tc("next")}</Button>
        </div>
      </div>
    </div>
  );
}
