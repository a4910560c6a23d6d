import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { DueBadge } from "@/components/crm/liaison/due-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { ListTable, Td } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { DUE_FILTERS } from "@/lib/crm/liaison/liaison.schema";
import { liaisonReport } from "@/lib/crm/liaison/liaison-report";
import { getDb } from "@/lib/db/client";

type Params = Record<string, string | string[] | undefined>;
const flat = (p: Params) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

function LoadTable({ testId, title, rows, nameLabel, openLabel, overdueLabel, empty }: { testId: string; title: string; rows: { id: string; name: string; open: number; overdue: number }[]; nameLabel: string; openLabel: string; overdueLabel: string; empty: string }) {
  return (
    <Card>
      <h2 className="mb-2 font-medium">{title}</h2>
      <ListTable testId={testId} isEmpty={!rows.length} empty={empty} columns={[{ label: nameLabel }, { label: openLabel, className: "text-right" }, { label: overdueLabel, className: "text-right" }]}>
        {rows.map((r) => (
          <tr key={r.id} data-testid="load-row">
            <Td>{r.name}</Td>
            <Td className="text-right tabular-nums">{r.open}</Td>
            <Td className={r.overdue ? "text-right font-medium tabular-nums text-red-700" : "text-right tabular-nums"}>{r.overdue}</Td>
          </tr>
        ))}
      </ListTable>
    </Card>
  );
}

/** The liaison-form report (CRM-8): every stage's planned vs actual finish and standing, the load per department and person. */
export default async function LiaisonReportPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await employeeWithPermission("liaison.report");
  const params = flat(await searchParams);
  const [t, td, format, r] = await Promise.all([getTranslations("liaison.report"), getTranslations("liaison.due"), getFormatter(), liaisonReport(await getDb(), actor, params, await getLocale())]);
  const q = r.query;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" }) : "—");
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const href = (page: number) => listHref("/crm/liaison/report", { customer: q.customer, opportunity: q.opportunity, department: q.department, due: q.due, page });
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <FilterForm className="grid-cols-1 sm:grid-cols-5" actionsClassName="sm:col-span-1" submitLabel={t("filter")} resetLabel={t("reset")} resetHref="/crm/liaison/report">
        <div>
          <Label htmlFor="lr-customer">{t("customer")}</Label>
          <Select id="lr-customer" name="customer" defaultValue={q.customer ?? ""} data-testid="report-customer">
            <option value="">{t("all")}</option>
            {r.customerOptions.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="lr-opportunity">{t("opportunity")}</Label>
          <Select id="lr-opportunity" name="opportunity" defaultValue={q.opportunity ?? ""} data-testid="report-opportunity">
            <option value="">{t("all")}</option>
            {r.opportunityOptions.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="lr-department">{t("department")}</Label>
          <Select id="lr-department" name="department" defaultValue={q.department ?? ""} data-testid="report-department">
            <option value="">{t("all")}</option>
            {r.departmentOptions.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="lr-due">{t("standing")}</Label>
          <Select id="lr-due" name="due" defaultValue={q.due ?? ""} data-testid="report-due">
            <option value="">{t("all")}</option>
            {DUE_FILTERS.map((d) => <option key={d} value={d}>{td(`filter_${d}`)}</option>)}
          </Select>
        </div>
      </FilterForm>
      <div className="grid gap-4 md:grid-cols-2">
        <LoadTable testId="load-departments" title={t("byDepartment")} rows={r.departments} nameLabel={t("department")} openLabel={t("open")} overdueLabel={t("overdue")} empty={t("noLoad")} />
        <LoadTable testId="load-people" title={t("byPerson")} rows={r.people} nameLabel={t("person")} openLabel={t("open")} overdueLabel={t("overdue")} empty={t("noLoad")} />
      </div>
      <ListTable testId="report-stages" cards isEmpty={!r.stages.length} empty={t("empty")}
        columns={[{ label: t("form") }, { label: t("customer") }, { label: t("department") }, { label: t("task") }, { label: t("person") }, { label: t("started") }, { label: t("planned") }, { label: t("actual") }, { label: t("standing") }]}>
        {r.stages.map((s) => (
          <tr key={s.id} data-testid="report-stage" data-due={s.due ?? "none"} className={s.due === "overdue" ? "bg-red-50" : s.due === "due_soon" ? "bg-amber-50" : undefined}>
            <Td label={t("form")}><Link href={`/crm/liaison/${s.formId}`} className="whitespace-nowrap font-medium text-brand-700 hover:underline">{s.formCode} · {s.seq}</Link></Td>
            <Td label={t("customer")}><span>{s.customerName}</span></Td>
            <Td label={t("department")}><span>{s.department}</span></Td>
            <Td label={t("task")}><span>{s.task}</span></Td>
            <Td label={t("person")}><span>{s.assigneeName ?? "—"}</span></Td>
            <Td label={t("started")}><span className="whitespace-nowrap">{when(s.startedAt)}</span></Td>
            <Td label={t("planned")}><span className="whitespace-nowrap">{when(s.plannedFinishAt)}</span></Td>
            <Td label={t("actual")}><span className="whitespace-nowrap">{when(s.actualFinishAt)}</span></Td>
            <Td label={t("standing")}><DueBadge due={s.due} lateDays={s.lateDays} /></Td>
          </tr>
        ))}
      </ListTable>
      <PagerLinks page={q.page} pageCount={pages} total={r.total} href={href} />
    </div>
  );
}
