import { getTranslations } from "next-intl/server";
import { PagerLinks } from "@/components/admin/pager-links";
import { PortalDocumentTable } from "@/components/portal/portal-document-table";
import { PortalListFilter } from "@/components/portal/portal-list-filter";
import { PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { parsePortalListQuery } from "@/lib/srm/portal-lists.schema";
import { listPortalDocuments } from "@/lib/srm/portal-documents";

/** The supplier's files: its documents and its processes' attachments (scoped to the session's supplier in lib/). */
export default async function PortalDocuments({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await supplierOrRedirect();
  const q = parsePortalListQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("portalPages"), listPortalDocuments(await getDb(), actor, q)]);
  return (
    <div className="space-y-3">
      <PageHeader title={t("documents.title")} />
      <p className="text-sm text-slate-600">{t("documents.intro")}</p>
      <PortalListFilter path="/portal/documents" q={q.q} qLabel={t("documents.search")} />
      <PortalDocumentTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => listHref("/portal/documents", { q: q.q, page })} />
    </div>
  );
}
