import { getTranslations } from "next-intl/server";
import { PagerLinks } from "@/components/admin/pager-links";
import { PortalDeliveryTable } from "@/components/portal/portal-delivery-table";
import { PortalListFilter } from "@/components/portal/portal-list-filter";
import { PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listPortalDeliveries } from "@/lib/srm/portal-deliveries";
import { parsePortalListQuery } from "@/lib/srm/portal-lists.schema";
import { PLAN_STATUSES } from "@/lib/srm/srm-lists.schema";

/** The supplier's delivery plans (scoped to the session's supplier in lib/); "planned" lists the soonest first. */
export default async function PortalDeliveries({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await supplierOrRedirect();
  const q = parsePortalListQuery(await searchParams, PLAN_STATUSES);
  const [t, ts, list] = await Promise.all([getTranslations("portalPages"), getTranslations("srm.planStatus"), listPortalDeliveries(await getDb(), actor, q)]);
  return (
    <div className="space-y-3">
      <PageHeader title={t("deliveries.title")} />
      <p className="text-sm text-slate-600">{t("deliveries.intro")}</p>
      <PortalListFilter path="/portal/deliveries" status={q.status} q={q.q} qLabel={t("deliveries.search")} statuses={PLAN_STATUSES.map((s) => ({ value: s, label: ts(s) }))} />
      <PortalDeliveryTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => listHref("/portal/deliveries", { status: q.status, q: q.q, page })} />
    </div>
  );
}
