import { getTranslations } from "next-intl/server";
import { PagerLinks } from "@/components/admin/pager-links";
import { PortalListFilter } from "@/components/portal/portal-list-filter";
import { PortalOrderTable } from "@/components/portal/portal-order-table";
import { PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { parsePortalListQuery } from "@/lib/srm/portal-lists.schema";
import { listPortalOrders } from "@/lib/srm/portal-orders";
import { ORDER_STATUSES } from "@/lib/srm/srm-lists.schema";

/** The supplier's purchase orders (scoped to the session's supplier in lib/). */
export default async function PortalOrders({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await supplierOrRedirect();
  const q = parsePortalListQuery(await searchParams, ORDER_STATUSES);
  const [t, ts, list] = await Promise.all([getTranslations("portalPages"), getTranslations("srm.orderStatus"), listPortalOrders(await getDb(), actor, q)]);
  return (
    <div className="space-y-3">
      <PageHeader title={t("orders.title")} />
      <p className="text-sm text-slate-600">{t("orders.intro")}</p>
      <PortalListFilter path="/portal/orders" status={q.status} q={q.q} qLabel={t("orders.search")} statuses={ORDER_STATUSES.map((s) => ({ value: s, label: ts(s) }))} />
      <PortalOrderTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => listHref("/portal/orders", { status: q.status, q: q.q, page })} />
    </div>
  );
}
