import { getTranslations } from "next-intl/server";
import { PagerLinks } from "@/components/admin/pager-links";
import { PortalListFilter } from "@/components/portal/portal-list-filter";
import { PortalReceiptTable } from "@/components/portal/portal-receipt-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { parsePortalListQuery } from "@/lib/srm/portal-lists.schema";
import { listPortalReceipts, RECEIPT_FILTERS } from "@/lib/srm/portal-receipts";

/** The receipt library for reconciliation (scoped to the session's supplier in lib/), with its Excel export. */
export default async function PortalReceipts({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await supplierOrRedirect();
  const q = parsePortalListQuery(await searchParams, RECEIPT_FILTERS);
  const [t, list] = await Promise.all([getTranslations("portalPages"), listPortalReceipts(await getDb(), actor, q)]);
  return (
    <div className="space-y-3">
      <PageHeader title={t("receipts.title")}>
        {/* A file download, not a page: a plain link, never prefetched. */}
        <a href={listHref("/portal/receipts/export", { status: q.status, q: q.q })} download className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="portal-receipts-export">
          {t("receipts.export.button")}
        </a>
      </PageHeader>
      <p className="text-sm text-slate-600">{t("receipts.intro")}</p>
      <PortalListFilter path="/portal/receipts" status={q.status} q={q.q} qLabel={t("receipts.search")} statuses={[{ value: "rejected", label: t("receipts.onlyRejected") }]} />
      <PortalReceiptTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => listHref("/portal/receipts", { status: q.status, q: q.q, page })} />
    </div>
  );
}
