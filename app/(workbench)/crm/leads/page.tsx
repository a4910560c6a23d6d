import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PagerLinks } from "@/components/admin/pager-links";
import { LeadTable } from "@/components/crm/leads/lead-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { LEAD_STATUS_FILTERS, LEAD_VIEWS, parseLeadListQuery, type LeadListQuery } from "@/lib/crm/leads/lead-lists.schema";
import { listLeads } from "@/lib/crm/leads/list-leads";
import { reassignTargets } from "@/lib/crm/reassign-customer";
import { getDb } from "@/lib/db/client";

const href = (q: Partial<LeadListQuery>, page = 1) => listHref("/crm/leads", { view: q.view === "mine" ? null : q.view, status: q.status === "open" ? null : q.status, q: q.q, page });

/** Leads (CRM-3): my leads; for the sales lead also the team's and the pool, to distribute. */
export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const q = parseLeadListQuery(await searchParams);
  const db = await getDb();
  const [t, ti, locale, list] = await Promise.all([getTranslations("leads.list"), getTranslations("leadImport"), getLocale(), listLeads(db, actor, q)]);
  const distributes = hasPermission(actor, "lead.distribute");
  const targets = distributes && list.view !== "mine" ? await reassignTargets(db, actor) : null;
  const tabs = (distributes ? LEAD_VIEWS : (["mine"] as const)).map((view) => ({ href: href({ view }), label: t(`views.${view}`), exact: true, active: list.view === view }));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          {hasPermission(actor, "lead.rules") ? <Link href="/crm/leads/rules" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="lead-rules">{t("rules")}</Link> : null}
          <Link href="/crm/leads/import" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="import-leads">{ti("link")}</Link>
          <Link href="/crm/leads/new" className={buttonVariants({ size: "sm" })} data-testid="new-lead">{t("new")}</Link>
        </div>
      </PageHeader>
      <AdminTabs items={tabs} label={t("title")} />
      <FilterForm className="grid-cols-1 sm:grid-cols-3" actionsClassName="sm:col-span-3" submitLabel={t("searchSubmit")} resetLabel={t("reset")} resetHref={href({ view: list.view })}>
        {list.view !== "mine" ? <input type="hidden" name="view" value={list.view} /> : null}
        <div className="sm:col-span-2">
          <Label htmlFor="l-q">{t("search")}</Label>
          <Input id="l-q" name="q" defaultValue={q.q} maxLength={100} placeholder={t("search")} data-testid="lead-search" />
        </div>
        <div>
          <Label htmlFor="l-status">{t("status")}</Label>
          <Select id="l-status" name="status" defaultValue={q.status}>
            {LEAD_STATUS_FILTERS.map((s) => <option key={s} value={s}>{t(`statusFilter.${s}`)}</option>)}
          </Select>
        </div>
      </FilterForm>
      <LeadTable rows={list.rows} targets={targets ? targets.map((p) => ({ id: p.id, label: p.department ? `${p.name}（${locale === "en" ? p.department.nameEn : p.department.nameZh}）` : p.name })) : null} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href({ ...q, view: list.view }, p)} />
    </div>
  );
}
