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
import { ArrowDown, ArrowUp, ArrowUpDown, Pencil, Plus, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { setEmployeeActiveAction } from "@/app/(workbench)/admin/employees/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input, Select } from "@/components/ui/input";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { EmployeeFormOptions } from "@/lib/org/list-employee-options";
import type { EmployeeListQuery, EmployeeListRow, listEmployees } from "@/lib/org/list-employees";
import { EmployeeForm } from "./employee-form";
import { StatusBadge } from "./status-badge";
import { useAction } from "./use-action";
import { useName } from "./use-name";

type List = Awaited<ReturnType<typeof listEmployees>>;

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, EmployeeListRow>();
const PAGE_SIZES = [10, 20, 50];
const DEFAULTS: EmployeeListQuery = { q: "", departmentId: null, active: "all", sort: "username", dir: "asc", page: 1, pageSize: 20 };

/** The list state lives in the URL; defaults are left out to keep links short. */
function toSearch(q: EmployeeListQuery): string {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.departmentId) p.set("dept", q.departmentId);
  if (q.active !== DEFAULTS.active) p.set("active", q.active);
  if (q.sort !== DEFAULTS.sort || q.dir !== DEFAULTS.dir) {
    p.set("sort", q.sort);
    p.set("dir", q.dir);
  }
  if (q.page > 1) p.set("page", String(q.page));
  if (q.pageSize !== DEFAULTS.pageSize) p.set("size", String(q.pageSize));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function EmployeesView({ list, options, fullAdmin, actorId }: { list: List; options: EmployeeFormOptions; fullAdmin: boolean; actorId: string }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const nameOf = useName();
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNav] = useTransition();
  const [editing, setEditing] = useState<EmployeeListRow | "new" | null>(null);
  const toggle = useAction(setEmployeeActiveAction);
  const [toggling, setToggling] = useState<string | null>(null);
  const query = list.query;

  const go = (patch: Partial<EmployeeListQuery>) => startNav(() => router.push(`${pathname}${toSearch({ ...query, page: 1, ...patch })}`));

  const sorting = useMemo<SortingState>(() => [{ id: query.sort, desc: query.dir === "desc" }], [query.sort, query.dir]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: query.page - 1, pageSize: query.pageSize }), [query.page, query.pageSize]);

  const roleNames = useMemo(() => new Map(options.roles.map((r) => [r.key, nameOf(r)])), [options.roles, nameOf]);
  const groupNames = useMemo(() => new Map(options.groups.map((g) => [g.key, nameOf(g)])), [options.groups, nameOf]);
  // A department admin may not touch a full administrator (the server refuses too).
  const mayManage = (row: EmployeeListRow) => fullAdmin || !row.roles.includes("admin");

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("username", { header: t("employees.username"), cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span> }),
        helper.accessor("name", {
          header: t("employees.name"),
          cell: (c) => (
            <span className="whitespace-nowrap font-medium">
              {c.getValue()}
              {c.row.original.id === actorId ? <span className="ml-1 text-xs font-normal text-slate-500">{t("employees.self")}</span> : null}
            </span>
          ),
        }),
        helper.accessor((r) => r.department?.code ?? "", {
          id: "department",
          header: t("employees.department"),
          cell: (c) => {
            const d = c.row.original.department;
            return <span className="whitespace-nowrap">{d ? nameOf(d) : <span className="text-slate-400">{tc("none")}</span>}</span>;
          },
        }),
        helper.accessor("roles", {
          header: t("employees.roles"),
          enableSorting: false,
          cell: (c) => (
            <div className="flex min-w-32 flex-wrap gap-1">
              {c.getValue().map((k) => <Badge key={k}>{roleNames.get(k) ?? k}</Badge>)}
            </div>
          ),
        }),
        helper.accessor("groups", {
          header: t("employees.groups"),
          enableSorting: false,
          cell: (c) => (
            <div className="flex min-w-24 flex-wrap gap-1">
              {c.getValue().map((k) => <Badge key={k} className="bg-blue-50 text-blue-700">{groupNames.get(k) ?? k}</Badge>)}
            </div>
          ),
        }),
        helper.accessor("active", { header: tc("status"), cell: (c) => <StatusBadge active={c.getValue()} /> }),
        helper.display({
          id: "actions",
          header: tc("actions"),
          cell: ({ row: { original: e } }) =>
            mayManage(e) ? (
              <div className="flex justify-end gap-1">
                <Button variant="ghost" size="sm" onClick={() => setEditing(e)} aria-label={`${tc("edit")} ${e.name}`}>
                  <Pencil className="h-4 w-4" aria-hidden />
                  <span className="hidden sm:inline">{tc("edit")}</span>
                </Button>
                {e.id === actorId ? null : (
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={toggle.pending && toggling === e.id}
                    onClick={() => {
                      setToggling(e.id);
                      toggle.run({ id: e.id, active: !e.active });
                    }}
                  >
                    {e.active ? tc("deactivate") : tc("activate")}
                  </Button>
                )}
              </div>
            ) : null,
        }),
      ]),
    // toggle/mayManage change every render; the columns only need to follow what they show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, tc, nameOf, roleNames, groupNames, actorId, toggle.pending, toggling, fullAdmin],
  );

  const table = useTable({
    features,
    columns,
    data: list.rows,
    rowCount: list.total,
    getRowId: (r) => r.id,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (u: Updater<SortingState>) => {
      const [s] = functionalUpdate(u, sorting);
      go({ sort: (s?.id ?? DEFAULTS.sort) as EmployeeListQuery["sort"], dir: s?.desc ? "desc" : "asc" });
    },
    onPaginationChange: (u: Updater<PaginationState>) => {
      const p = functionalUpdate(u, pagination);
      go({ page: p.pageIndex + 1, pageSize: p.pageSize });
    },
  });

  return (
    <div className="space-y-3">
      <form
        role="search"
        className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: String(new FormData(e.currentTarget).get("q") ?? "").trim() });
        }}
      >
        <div className="flex min-w-0 gap-2 sm:w-72">
          <Input key={query.q} name="q" type="search" defaultValue={query.q} placeholder={t("employees.search")} aria-label={t("employees.search")} />
          <Button type="submit" variant="secondary" size="icon" className="shrink-0" aria-label={tc("search")}>
            <Search className="h-4 w-4" aria-hidden />
          </Button>
        </div>
        <Select
          aria-label={t("employees.department")}
          className="sm:w-48"
          value={query.departmentId ?? ""}
          onChange={(e) => go({ departmentId: e.target.value || null })}
          data-testid="filter-department"
        >
          <option value="">{t("employees.allDepartments")}</option>
          {options.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {"\u3000".repeat(d.depth)}
              {nameOf(d)}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t("employees.activeFilter")}
          className="sm:w-32"
          value={query.active}
          onChange={(e) => go({ active: e.target.value as EmployeeListQuery["active"] })}
          data-testid="filter-active"
        >
          <option value="all">{t("list.all")}</option>
          <option value="active">{tc("active")}</option>
          <option value="inactive">{tc("inactive")}</option>
        </Select>
        <Button type="button" className="sm:ml-auto" onClick={() => setEditing("new")} data-testid="employee-new">
          <Plus className="h-4 w-4" aria-hidden />
          {t("employees.new")}
        </Button>
      </form>

      {toggle.error ? <Alert>{toggle.error.message}</Alert> : null}

      <TableContainer className={cn(navigating && "opacity-60")} aria-busy={navigating}>
        <Table data-testid="employee-table">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const label = <table.FlexRender header={h} />;
                  return (
                    <Th
                      key={h.id}
                      className={h.column.id === "actions" ? "text-right" : undefined}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {h.column.getCanSort() ? (
                        <button type="button" className="inline-flex items-center gap-1 hover:text-slate-900" onClick={h.column.getToggleSortingHandler()}>
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
              <tr key={row.id} className={row.original.active ? undefined : "bg-slate-50 text-slate-500"} data-testid={`employee-${row.original.username}`}>
                {row.getAllCells().map((cell) => (
                  <Td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </Td>
                ))}
              </tr>
            ))}
            {list.rows.length === 0 ? (
              <tr>
                <Td colSpan={columns.length} className="py-8 text-center text-slate-500">{t("list.empty")}</Td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </TableContainer>

      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-slate-600">
        <div className="flex items-center gap-3">
          <span data-testid="employee-total">{tc("total", { count: list.total })}</span>
          <label className="inline-flex items-center gap-1">
            <span className="whitespace-nowrap">{t("list.pageSize")}</span>
            <Select className="h-8 w-20" value={query.pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
            </Select>
          </label>
        </div>
        <div className="flex items-center gap-2">
          <Button variant="secondary" size="sm" disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>{tc("previous")}</Button>
          <span className="whitespace-nowrap tabular-nums">{tc("pageOf", { page: list.page, pages: list.pageCount })}</span>
          <Button variant="secondary" size="sm" disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>{tc("next")}</Button>
        </div>
      </div>

      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        {editing !== null ? (
          <DialogContent title={editing === "new" ? t("employees.new") : t("employees.edit", { name: editing.name })} closeLabel={tc("close")} className="max-w-2xl">
            <EmployeeForm key={editing === "new" ? "new" : editing.id} employee={editing === "new" ? null : editing} options={options} onDone={() => setEditing(null)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
