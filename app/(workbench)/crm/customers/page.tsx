import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PagerLinks } from "@/components/admin/pager-links";
import { ContactThresholdsForm } from "@/components/crm/contact-thresholds-form";
import { CustomerTable } from "@/components/crm/customer-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { CONTACT_FILTERS, CUSTOMER_VIEWS, parseCustomerListQuery, type CustomerListQuery } from "@/lib/crm/customer-lists.schema";
import { CUSTOMER_LEVELS } from "@/lib/crm/customer.schema";
import { listCustomers } from "@/lib/crm/list-customers";
import { getDb } from "@/lib/db/client";

const href = (q: Partial<CustomerListQuery>, page = 1) =>
  listHref("/crm/customers", { view: q.view === "mine" ? null : q.view, q: q.q, level: q.level, tag: q.tag, contact: q.contact === "any" ? null : q.contact, page });

/** My customers (CRM-2): the longest uncontacted first, coloured by the sales lead's thresholds. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const q = parseCustomerListQuery(await searchParams);
  const [t, ti, list] = await Promise.all([getTranslations("crm.list"), getTranslations("crmImport"), listCustomers(await getDb(), actor, q)]);
  const tabs = CUSTOMER_VIEWS.map((view) => ({ href: href({ view }), label: t(`views.${view}`), exact: true, active: q.view === view }));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          <Link href="/crm/customers/import" className={buttonVariants({ size: "sm", variant: "secondary" })} data-testid="import-customers">{ti("link")}</Link>
          <Link href="/crm/customers/new" className={buttonVariants({ size: "sm" })} data-testid="new-customer">{t("new")}</Link>
        </div>
      </PageHeader>
      <AdminTabs items={tabs} label={t("title")} />
      <FilterForm className="grid-cols-1 sm:grid-cols-4" actionsClassName="sm:col-span-4" submitLabel={t("searchSubmit")} resetLabel={t("reset")} resetHref={href({ view: q.view })}>
        {q.view !== "mine" ? <input type="hidden" name="view" value={q.view} /> : null}
        <div className="sm:col-span-2">
          <Label htmlFor="c-q">{t("search")}</Label>
          <Input id="c-q" name="q" defaultValue={q.q} maxLength={100} placeholder={t("search")} data-testid="customer-search" />
        </div>
        <div>
          <Label htmlFor="c-level">{t("level")}</Label>
          <Select id="c-level" name="level" defaultValue={q.level}>
            <option value="">{t("anyLevel")}</option>
            {CUSTOMER_LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="c-contact">{t("contact")}</Label>
          <Select id="c-contact" name="contact" defaultValue={q.contact}>
            {CONTACT_FILTERS.map((f) => <option key={f} value={f}>{t(`contactFilter.${f}`, { days: f === "any" || f === "never" ? 0 : list.thresholds[f] })}</option>)}
          </Select>
        </div>
      </FilterForm>
      <CustomerTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
      {hasPermission(actor, "customer.assign") ? <ContactThresholdsForm thresholds={list.thresholds} /> : null}
    </div>
  );
}
