import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PagerLinks } from "@/components/admin/pager-links";
import { ContactThresholdsForm } from "@/components/crm/contact-thresholds-form";
import { CustomerTable } from "@/components/crm/customer-table";
import { SavedViews } from "@/components/saved-views";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { listCustomerCategories } from "@/lib/crm/customer-categories";
import { CONTACT_FILTERS, CUSTOMER_STAGES, CUSTOMER_VIEWS, parseCustomerListQuery, type CustomerListQuery } from "@/lib/crm/customer-lists.schema";
import { CUSTOMER_LEVELS } from "@/lib/crm/customer.schema";
import { listCustomers } from "@/lib/crm/list-customers";
import { reassignTargets } from "@/lib/crm/reassign-customer";
import { getDb } from "@/lib/db/client";
import { listSavedViews } from "@/lib/views/saved-views";

const LIST_KEY = "crm.customers";
/** The list's filters as address parameters (defaults and blanks left out): the address and the saved view alike. */
const filters = (q: Partial<CustomerListQuery>): Record<string, string> =>
  Object.fromEntries(
    Object.entries({ view: q.view === "mine" ? null : q.view, q: q.q, stage: q.stage, level: q.level, region: q.region, industry: q.industry, category: q.category, tag: q.tag, owner: q.owner, contact: q.contact === "any" ? null : q.contact })
      .flatMap(([k, v]) => (v === null || v === undefined || v === "" || v === "all" ? [] : [[k, String(v)]])),
  );
const href = (q: Partial<CustomerListQuery>, page = 1) => listHref("/crm/customers", { ...filters(q), page });

/** My customers (CRM-2): the longest uncontacted first, coloured by the sales lead's thresholds; filters and saved views. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const q = parseCustomerListQuery(await searchParams);
  const db = await getDb();
  const lead = hasPermission(actor, "customer.assign");
  const [t, ti, list, categories, views, owners] = await Promise.all([
    getTranslations("crm.list"),
    getTranslations("crmImport"),
    listCustomers(db, actor, q),
    listCustomerCategories(db, actor),
    listSavedViews(db, actor, LIST_KEY),
    lead ? reassignTargets(db, actor) : null,
  ]);
  const td = await getTranslations("crm.detail");
  const tabs = CUSTOMER_VIEWS.map((view) => ({ href: href({ view }), label: t(`views.${view}`), exact: true, active: q.view === view }));
  const categoryNames = Object.fromEntries(categories.map((c) => [c.id, c.name]));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          {hasPermission(actor, "customer.categories") ? <Link href="/crm/customers/categories" className={buttonVariants({ size: "sm", variant: "ghost" })} data-testid="customer-categories">{t("categories")}</Link> : null}
          <Link href="/crm/customers/import" className={buttonVariants({ size: "sm", variant: "secondary" })} data-testid="import-customers">{ti("link")}</Link>
          <Link href="/crm/customers/new" className={buttonVariants({ size: "sm" })} data-testid="new-customer">{t("new")}</Link>
        </div>
      </PageHeader>
      <AdminTabs items={tabs} label={t("title")} />
      <SavedViews listKey={LIST_KEY} path="/crm/customers" views={views} current={filters(q)} />
      {/* Keyed by the filter: following a saved view to this same page shows its values in the fields. */}
      <FilterForm key={href(q)} className="grid-cols-2 sm:grid-cols-4" actionsClassName="col-span-2 sm:col-span-4" submitLabel={t("searchSubmit")} resetLabel={t("reset")} resetHref={href({ view: q.view })}>
        {q.view !== "mine" ? <input type="hidden" name="view" value={q.view} /> : null}
        <div className="col-span-2">
          <Label htmlFor="c-q">{t("search")}</Label>
          <Input id="c-q" name="q" defaultValue={q.q} maxLength={100} placeholder={t("search")} data-testid="customer-search" />
        </div>
        <div>
          <Label htmlFor="c-stage">{t("stage")}</Label>
          <Select id="c-stage" name="stage" defaultValue={q.stage} data-testid="filter-stage">
            <option value="">{t("anyStage")}</option>
            {CUSTOMER_STAGES.map((s) => <option key={s} value={s}>{td(`stages.${s}`)}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="c-level">{t("level")}</Label>
          <Select id="c-level" name="level" defaultValue={q.level} data-testid="filter-level">
            <option value="">{t("anyLevel")}</option>
            {CUSTOMER_LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="c-category">{t("category")}</Label>
          <Select id="c-category" name="category" defaultValue={q.category} data-testid="filter-category">
            <option value="">{t("anyCategory")}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="c-region">{t("region")}</Label>
          <Input id="c-region" name="region" defaultValue={q.region} maxLength={60} data-testid="filter-region" />
        </div>
        <div>
          <Label htmlFor="c-industry">{t("industry")}</Label>
          <Input id="c-industry" name="industry" defaultValue={q.industry} maxLength={60} data-testid="filter-industry" />
        </div>
        <div>
          <Label htmlFor="c-tag">{t("tag")}</Label>
          <Input id="c-tag" name="tag" defaultValue={q.tag} maxLength={20} data-testid="filter-tag" />
        </div>
        <div>
          <Label htmlFor="c-contact">{t("contact")}</Label>
          <Select id="c-contact" name="contact" defaultValue={q.contact} data-testid="filter-contact">
            {CONTACT_FILTERS.map((f) => <option key={f} value={f}>{t(`contactFilter.${f}`, { days: f === "any" || f === "never" ? 0 : list.thresholds[f] })}</option>)}
          </Select>
        </div>
        {owners ? (
          <div>
            <Label htmlFor="c-owner">{t("owner")}</Label>
            <Select id="c-owner" name="owner" defaultValue={q.owner} data-testid="filter-owner">
              <option value="">{t("anyOwner")}</option>
              {owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </Select>
          </div>
        ) : null}
      </FilterForm>
      <CustomerTable rows={list.rows} categoryNames={categoryNames} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
      {lead ? <ContactThresholdsForm thresholds={list.thresholds} /> : null}
    </div>
  );
}
