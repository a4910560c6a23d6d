import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PagerLinks } from "@/components/admin/pager-links";
import { DeliveryPlanTable } from "@/components/srm/delivery-plan-table";
import { PurchaseOrderTable } from "@/components/srm/purchase-order-table";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listDeliveryPlans, listPurchaseOrders } from "@/lib/srm/list-purchasing";
import { ORDER_STATUSES, parseSrmListQuery, PLAN_STATUSES, type SrmListQuery } from "@/lib/srm/srm-lists.schema";

const href = (q: Pick<SrmListQuery, "tab" | "status" | "q">, page: number) => listHref("/srm", { tab: q.tab === "orders" ? null : q.tab, status: q.status, q: q.q, page });

/** Purchasing at a glance: purchase orders and the deliveries planned for them. */
export default async function SrmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("srm.view");
  const q = parseSrmListQuery(await searchParams);
  const db = await getDb();
  const [t, orders, plans] = await Promise.all([
    getTranslations("srm"),
    q.tab === "orders" ? listPurchaseOrders(db, actor, q) : null,
    q.tab === "deliveries" ? listDeliveryPlans(db, actor, q) : null,
  ]);
  const list = orders ?? plans!;
  const statuses = q.tab === "orders" ? ORDER_STATUSES : PLAN_STATUSES;
  const tabs = (["orders", "deliveries"] as const).map((tab) => ({ href: href({ tab, status: "all", q: "" }, 1), label: t(`tabs.${tab}`), exact: true, active: q.tab === tab }));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <AdminTabs items={tabs} label={t("tabsLabel")} />
      <FilterForm className="grid-cols-1 sm:grid-cols-3" actionsClassName="sm:col-span-3" submitLabel={t("filter.search")} resetLabel={t("filter.reset")} resetHref={href({ tab: q.tab, status: "all", q: "" }, 1)}>
        {q.tab === "deliveries" ? <input type="hidden" name="tab" value="deliveries" /> : null}
        <div>
          <Label htmlFor="f-status">{t("filter.status")}</Label>
          <Select id="f-status" name="status" defaultValue={q.status}>
            <option value="all">{t("filter.all")}</option>
            {statuses.map((s) => <option key={s} value={s}>{t(`${q.tab === "orders" ? "orderStatus" : "planStatus"}.${s}`)}</option>)}
          </Select>
        </div>
        <div className="sm:col-span-2">
          <Label htmlFor="f-q">{t("filter.q")}</Label>
          <Input id="f-q" name="q" defaultValue={q.q} maxLength={100} />
        </div>
      </FilterForm>
      {orders ? <PurchaseOrderTable rows={orders.rows} /> : <DeliveryPlanTable rows={plans!.rows} />}
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
