import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { RequirementStatusBadge } from "@/components/crm/requirements/requirement-status-badge";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { ListTable, Td } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { listRequirements } from "@/lib/crm/requirements/list-requirements";
import { REQUIREMENT_STATUSES } from "@/lib/crm/requirements/requirement.schema";
import { getDb } from "@/lib/db/client";

type Params = Record<string, string | string[] | undefined>;
const flat = (p: Params) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

/** The requirement library (CRM-7): search and filters over the requirements of the customers one sees. */
export default async function RequirementsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await employeeWithPermission("crm.view");
  const params = flat(await searchParams);
  const locale = await getLocale();
  const [t, format, list] = await Promise.all([getTranslations("requirements.list"), getFormatter(), listRequirements(await getDb(), actor, params, locale)]);
  const q = list.query;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (page: number) => listHref("/crm/requirements", { q: q.q, customer: q.customer, category: q.category, status: q.status, opportunity: q.opportunity, page });
  const tStatus = await getTranslations("requirements.status");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          {hasPermission(actor, "liaison.report") ? <Link href="/crm/liaison/report" className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("report")}</Link> : null}
          <Link href="/crm/requirements/new" className={buttonVariants({ size: "sm" })} data-testid="requirement-new">{t("new")}</Link>
        </div>
      </PageHeader>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <FilterForm className="grid-cols-1 sm:grid-cols-5" actionsClassName="sm:col-span-1" submitLabel={t("search")} resetLabel={t("reset")} resetHref="/crm/requirements">
        <div>
          <Label htmlFor="rq-q">{t("text")}</Label>
          <Input id="rq-q" name="q" type="search" defaultValue={q.q ?? ""} maxLength={100} placeholder={t("textHint")} data-testid="requirement-search" />
        </div>
        <div>
          <Label htmlFor="rq-customer">{t("customer")}</Label>
          <Select id="rq-customer" name="customer" defaultValue={q.customer ?? ""}>
            <option value="">{t("all")}</option>
            {list.customers.map((c) => <option key={c.id} value={c.id}>{c.code} {c.name}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="rq-category">{t("category")}</Label>
          <Select id="rq-category" name="category" defaultValue={q.category ?? ""}>
            <option value="">{t("all")}</option>
            {list.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="rq-status">{t("statusLabel")}</Label>
          <Select id="rq-status" name="status" defaultValue={q.status ?? ""}>
            <option value="">{t("all")}</option>
            {REQUIREMENT_STATUSES.map((s) => <option key={s} value={s}>{tStatus(s)}</option>)}
          </Select>
        </div>
      </FilterForm>
      <ListTable testId="requirement-list" cards isEmpty={!list.rows.length} empty={t("empty")}
        columns={[{ label: t("code") }, { label: t("titleCol") }, { label: t("customer") }, { label: t("opportunity") }, { label: t("category") }, { label: t("statusLabel") }, { label: t("created") }]}>
        {list.rows.map((r) => (
          <tr key={r.id} data-testid="requirement-row">
            <Td label={t("code")}><Link href={`/crm/requirements/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.code}</Link></Td>
            <Td label={t("titleCol")}><span>{r.title}</span></Td>
            <Td label={t("customer")}><span>{r.customerCode} {r.customer.name}</span></Td>
            <Td label={t("opportunity")}><span>{r.opportunity.code}</span></Td>
            <Td label={t("category")}><span>{r.category ?? "—"}</span></Td>
            <Td label={t("statusLabel")}><RequirementStatusBadge status={r.status} /></Td>
            <Td label={t("created")}><span className="whitespace-nowrap">{format.dateTime(r.createdAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" })}</span></Td>
          </tr>
        ))}
      </ListTable>
      <PagerLinks page={q.page} pageCount={pages} total={list.total} href={href} />
    </div>
  );
}
