import { getLocale, getTranslations } from "next-intl/server";
import { BlockedNotice } from "@/components/certificates/certificate-badges";
import { PortalDocumentUpload } from "@/components/certificates/portal-document-upload";
import { SupplierDocumentsTable } from "@/components/certificates/supplier-documents-table";
import { Alert } from "@/components/ui/alert";
import { PagerLinks } from "@/components/admin/pager-links";
import { PortalDocumentTable } from "@/components/portal/portal-document-table";
import { PortalListFilter } from "@/components/portal/portal-list-filter";
import { PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { parsePortalListQuery } from "@/lib/srm/portal-lists.schema";
import { listPortalCertificates } from "@/lib/srm/certificates/list-supplier-documents";
import { listPortalDocuments } from "@/lib/srm/portal-documents";

/** The supplier's files: its documents and its processes' attachments (scoped to the session's supplier in lib/). */
export default async function PortalDocuments({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await supplierOrRedirect();
  const q = parsePortalListQuery(await searchParams);
  const db = await getDb();
  const locale = await getLocale();
  const [t, tc, list, certificates] = await Promise.all([getTranslations("portalPages"), getTranslations("certificates"), listPortalDocuments(db, actor, q), listPortalCertificates(db, actor)]);
  return (
    <div className="space-y-3">
      <PageHeader title={t("documents.title")} />
      {certificates.blockedAt ? <BlockedNotice reason={certificates.blockedReason} /> : null}
      {certificates.missing.length ? <Alert tone="info">{tc("portal.missing", { types: certificates.missing.map((m) => (locale.startsWith("en") ? m.nameEn : m.nameZh)).join(locale.startsWith("en") ? ", " : "、") })}</Alert> : null}
      <PortalDocumentUpload supplierId={certificates.supplierId} types={certificates.types} />
      <h2 className="pt-2 text-base font-semibold text-slate-900">{tc("portal.mine")}</h2>
      <SupplierDocumentsTable rows={certificates.documents} />
      <h2 className="pt-2 text-base font-semibold text-slate-900">{tc("portal.allFiles")}</h2>
      <p className="text-sm text-slate-600">{t("documents.intro")}</p>
      <PortalListFilter path="/portal/documents" q={q.q} qLabel={t("documents.search")} />
      <PortalDocumentTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => listHref("/portal/documents", { q: q.q, page })} />
    </div>
  );
}
