import { getTranslations } from "next-intl/server";
import { PagerLinks } from "@/components/admin/pager-links";
import { PortalListFilter } from "@/components/portal/portal-list-filter";
import { PortalReturnTable } from "@/components/portal/portal-return-table";
import { PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { parsePortalListQuery } from "@/lib/srm/portal-lists.schema";
import { listPortalReturns } from "@/lib/srm/receiving/portal-returns";

/** Goods rejected at incoming inspection and returned to the supplier (scoped to the session's supplier in lib/). */
export default async function PortalReturns({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await supplierOrRedirect();
  const q = parsePortalListQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("receiving.returns"), listPortalReturns(await getDb(), actor, q)]);
  return (
    <div className="space-y-3">
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <PortalListFilter path="/portal/returns" status={q.status} q={q.q} qLabel={t("search")} />
      <PortalReturnTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => listHref("/portal/returns", { q: q.q, page })} />
    </div>
  );
}
