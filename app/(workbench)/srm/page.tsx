import { getTranslations } from "next-intl/server";
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
import { getDb } from "@/lib/db/client";
import { listDeliveryPlans, listPurchaseOrders } from "@/lib/srm/list-purchasing";
import { listSuppliers } from "@/lib/srm/list-suppliers";
import { ORDER_STATUSES, parseSrmListQuery, PLAN_STATUSES, SRM_TABS, SUPPLIER_STATUSES, type SrmListQuery } from "@/lib/srm/srm-lists.schema";

const href = (q: Pick<SrmListQuery, "tab" | "status" | "q">, page: number) => listHref("/srm", { tab: q.tab === "orders" ? null : q.tab, status: q.status, q: q.q, page });

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
  const [t, orders, plans, suppliers] = await Promise.all([
    getTranslations("srm"),
    q.tab === "orders" ? listPurchaseOrders(db, actor, q) : null,
    q.tab === "deliveries" ? listDeliveryPlans(db, actor, q) : null,
    q.tab === "suppliers" ? listSuppliers(db, actor, q) : null,
  ]);
  const list = orders ?? plans ?? suppliers!;
  const filter = STATUS_FILTER[q.tab];
  const tabs = SRM_TABS.map((tab) => ({ href: href({ tab, status: "all", q: "" }, 1), label: t(`tabs.${tab}`), exact: true, active: q.tab === tab }));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        {q.tab === "suppliers" && hasPermission(actor, "supplier.manage") ? (
          <Link href="/srm/suppliers/new" className={buttonVariants({ size: "sm" })} data-testid="register-supplier">{t("registration.register")}</Link>
        ) : null}
      </PageHeader>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <AdminTabs items={tabs} label={t("tabsLabel")} />
      <FilterForm className="grid-cols-1 sm:grid-cols-3" actionsClassName="sm:col-span-3" submitLabel={t("filter.search")} resetLabel={t("filter.reset")} resetHref={href({ tab: q.tab, status: "all", q: "" }, 1)}>
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
      </FilterForm>
      {orders ? <PurchaseOrderTable rows={orders.rows} /> : plans ? <DeliveryPlanTable rows={plans.rows} /> : <SupplierTable rows={suppliers!.rows} />}
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
