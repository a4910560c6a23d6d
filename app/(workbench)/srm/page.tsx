import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PagerLinks } from "@/components/admin/pager-links";
import { DeliveryPlanTable } from "@/components/srm/delivery-plan-table";
import { PurchaseOrderTable } from "@/components/srm/purchase-order-table";
import { SupplierTable } from "@/components/srm/supplier-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { customFilterName, customFilterParams, FILTERABLE_TYPES, type CustomFieldDef } from "@/lib/custom-fields/custom-fields.schema";
import { fieldLabel } from "@/lib/custom-fields/format-custom-values";
import { listedFields, loadCustomFields } from "@/lib/custom-fields/list-custom-fields";
import { getDb } from "@/lib/db/client";
import { listDeliveryPlans, listPurchaseOrders } from "@/lib/srm/list-purchasing";
import { listSuppliers } from "@/lib/srm/list-suppliers";
import { canEnterOrders } from "@/lib/srm/order-entry";
import { ORDER_STATUSES, parseSrmListQuery, PLAN_STATUSES, SRM_TABS, SUPPLIER_STATUSES, type SrmListQuery } from "@/lib/srm/srm-lists.schema";

const href = (q: Pick<SrmListQuery, "tab" | "status" | "q" | "cf">, page: number) =>
  listHref("/srm", { tab: q.tab === "orders" ? null : q.tab, status: q.status, q: q.q, ...customFilterParams(q.cf), page });

/** The record type whose custom fields a tab shows as columns and filters (delivery plans have none). */
const CUSTOM_ENTITY = { orders: "purchase_order", deliveries: null, suppliers: "supplier" } as const;

const STATUS_FILTER = {
  orders: { statuses: ORDER_STATUSES, labels: "orderStatus" },
  deliveries: { statuses: PLAN_STATUSES, labels: "planStatus" },
  suppliers: { statuses: SUPPLIER_STATUSES, labels: "supplierStatus" },
} as const;

/** Purchasing at a glance: purchase orders, the deliveries planned for them, and the supplier archive. */
export default async function SrmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("srm.view");
  const q = parseSrmListQuery(await searchParams);
  const db = await getDb();
  const entity = CUSTOM_ENTITY[q.tab];
  const [t, tr, tf, tc, te, locale, fields, orders, plans, suppliers, enterOrders] = await Promise.all([
    getTranslations("srm"),
    getTranslations("receiving"),
    getTranslations("customFields"),
    getTranslations("common"),
    getTranslations("exports"),
    getLocale(),
    entity ? loadCustomFields(db, entity).then(listedFields) : ([] as CustomFieldDef[]),
    q.tab === "orders" ? listPurchaseOrders(db, actor, q) : null,
    q.tab === "deliveries" ? listDeliveryPlans(db, actor, q) : null,
    q.tab === "suppliers" ? listSuppliers(db, actor, q) : null,
    q.tab === "orders" ? canEnterOrders(db, actor) : false,
  ]);
  const list = orders ?? plans ?? suppliers!;
  const filter = STATUS_FILTER[q.tab];
  const tabs = SRM_TABS.map((tab) => ({ href: href({ tab, status: "all", q: "", cf: {} }, 1), label: t(`tabs.${tab}`), exact: true, active: q.tab === tab }));
  const filterable = fields.filter((f) => FILTERABLE_TYPES.includes(f.type));
  const choices = (f: CustomFieldDef) => (f.type === "boolean" ? [{ value: "true", label: tc("yes") }, { value: "false", label: tc("no") }] : f.options.map((o) => ({ value: o.value, label: fieldLabel(o, locale) })));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          {/* A file download, not a page: a plain link, never prefetched. */}
          <a href={listHref(`/srm/${q.tab}/export`, { status: q.status, q: q.q, ...customFilterParams(q.cf) })} download className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid={`export-${q.tab}`}>
            {te("button")}
          </a>
          {q.tab === "suppliers" && hasPermission(actor, "supplier.manage") ? (
            <Link href="/srm/suppliers/new" className={buttonVariants({ size: "sm" })} data-testid="register-supplier">{t("registration.register")}</Link>
          ) : enterOrders ? (
            <Link href="/srm/orders/new" className={buttonVariants({ size: "sm" })} data-testid="new-purchase-order">{t("orders.new")}</Link>
          ) : null}
        </div>
      </PageHeader>
      <p className="text-sm text-slate-600">
        {t("intro")}{" "}
        <Link href="/srm/receipts" className="text-brand-700 hover:underline" data-testid="receipts-link">{tr("receipts.link")}</Link>
      </p>
      <AdminTabs items={tabs} label={t("tabsLabel")} />
      <FilterForm className="grid-cols-1 sm:grid-cols-3" actionsClassName="sm:col-span-3" submitLabel={t("filter.search")} resetLabel={t("filter.reset")} resetHref={href({ tab: q.tab, status: "all", q: "", cf: {} }, 1)}>
        {q.tab !== "orders" ? <input type="hidden" name="tab" value={q.tab} /> : null}
        <div>
          <Label htmlFor="f-status">{t("filter.status")}</Label>
          <Select id="f-status" name="status" defaultValue={q.status}>
            <option value="all">{t("filter.all")}</option>
            {filter.statuses.map((s) => <option key={s} value={s}>{t(`${filter.labels}.${s}`)}</option>)}
          </Select>
        </div>
        <div className="sm:col-span-2">
          <Label htmlFor="f-q">{t("filter.q")}</Label>
          <Input id="f-q" name="q" defaultValue={q.q} maxLength={100} />
        </div>
        {filterable.map((f) => (
          <div key={f.key}>
            <Label htmlFor={`f-cf-${f.key}`}>{fieldLabel(f, locale)}</Label>
            <Select id={`f-cf-${f.key}`} name={customFilterName(f.key)} defaultValue={q.cf[f.key] ?? ""}>
              <option value="">{tf("filter.all")}</option>
              {choices(f).map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </Select>
          </div>
        ))}
      </FilterForm>
      {orders ? <PurchaseOrderTable rows={orders.rows} fields={fields} /> : plans ? <DeliveryPlanTable rows={plans.rows} /> : <SupplierTable rows={suppliers!.rows} fields={fields} />}
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
