import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { OpportunityTable } from "@/components/crm/opportunities/opportunity-table";
import { SavedViews } from "@/components/saved-views";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { listOpportunities, opportunityFilterChoices } from "@/lib/crm/opportunities/list-opportunities";
import { OPPORTUNITY_STAGE_FILTERS, OPPORTUNITY_VIEW_KEYS, parseOpportunityListQuery, type OpportunityListQuery } from "@/lib/crm/opportunities/opportunity-lists.schema";
import { getDb } from "@/lib/db/client";
import { listSavedViews } from "@/lib/views/saved-views";

const PATH = "/crm/opportunities";
/** The list's filters as address parameters (defaults left out). */
const filters = (q: Partial<OpportunityListQuery>): Record<string, string> =>
  Object.fromEntries(OPPORTUNITY_VIEW_KEYS.flatMap((k) => (q[k] && !(k === "stage" && q[k] === "open") ? [[k, String(q[k])]] : [])));
const href = (q: Partial<OpportunityListQuery>, page = 1) => listHref(PATH, { ...filters(q), page });

/** Opportunities (CRM-5): filters, saved views, Excel export of the filtered rows; the board and a new opportunity from here. */
export default async function OpportunitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const q = parseOpportunityListQuery(await searchParams);
  const db = await getDb();
  const [t, list, choices, views] = await Promise.all([getTranslations("opportunities.list"), listOpportunities(db, actor, q), opportunityFilterChoices(db, actor), listSavedViews(db, actor, "crm.opportunities")]);
  const current = filters(q);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          <Link href="/crm/opportunities/board" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="opportunity-board-link">{t("board")}</Link>
          <a href={listHref("/crm/opportunities/export", current)} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="opportunity-export" download>{t("export")}</a>
          <Link href="/crm/opportunities/new" className={buttonVariants({ size: "sm" })} data-testid="new-opportunity">{t("new")}</Link>
        </div>
      </PageHeader>
      <FilterForm className="grid-cols-1 sm:grid-cols-3 lg:grid-cols-6" actionsClassName="sm:col-span-3 lg:col-span-6" submitLabel={t("searchSubmit")} resetLabel={t("reset")} resetHref={PATH}>
        <div className="sm:col-span-2">
          <Label htmlFor="o-q">{t("search")}</Label>
          <Input id="o-q" name="q" defaultValue={q.q} maxLength={100} placeholder={t("searchHint")} data-testid="opportunity-search" />
        </div>
        <div>
          <Label htmlFor="o-stage">{t("stage")}</Label>
          <Select id="o-stage" name="stage" defaultValue={q.stage} data-testid="opportunity-stage-filter">
            {OPPORTUNITY_STAGE_FILTERS.map((s) => <option key={s} value={s}>{t(`stageFilter.${s}`)}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="o-owner">{t("owner")}</Label>
          <Select id="o-owner" name="owner" defaultValue={q.owner}>
            <option value="">{t("anyOwner")}</option>
            {choices.owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </Select>
        </div>
        <div className="sm:col-span-2">
          <Label htmlFor="o-customer">{t("customer")}</Label>
          <Select id="o-customer" name="customer" defaultValue={q.customer}>
            <option value="">{t("anyCustomer")}</option>
            {choices.customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="o-from">{t("closeFrom")}</Label>
          <Input id="o-from" name="closeFrom" type="date" defaultValue={q.closeFrom} />
        </div>
        <div>
          <Label htmlFor="o-to">{t("closeTo")}</Label>
          <Input id="o-to" name="closeTo" type="date" defaultValue={q.closeTo} />
        </div>
      </FilterForm>
      <SavedViews listKey="crm.opportunities" path={PATH} views={views} current={current} />
      <p className="text-sm text-slate-600" data-testid="opportunity-total">{t("total", { count: list.total })}</p>
      <OpportunityTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
