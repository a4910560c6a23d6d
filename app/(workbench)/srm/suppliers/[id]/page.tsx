import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import Link from "next/link";
import { BlockedNotice } from "@/components/certificates/certificate-badges";
import { SupplierCertificatesSection } from "@/components/certificates/supplier-certificates-section";
import { SupplierArchiveView } from "@/components/srm/supplier-archive-view";
import { SupplierChanges } from "@/components/srm/supplier-changes";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getSupplierCertificates } from "@/lib/srm/certificates/list-supplier-documents";
import { getSupplierArchive } from "@/lib/srm/get-supplier-archive";
import { listSupplierChanges } from "@/lib/srm/supplier-change/list-supplier-changes";

/** A supplier's archive (SRM-5): master data, accounts, orders, deliveries, processes, tasks, documents, history. */
export default async function SupplierArchivePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("srm.view");
  const { id } = await params;
  const { changed } = await searchParams;
  const db = await getDb();
  const [t, tc, archive] = await Promise.all([
    getTranslations("srm.archive"),
    getTranslations("srm.change"),
    getSupplierArchive(db, actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const certificates = await getSupplierCertificates(db, actor, archive.supplier.id);
  return (
    <div>
      <BackLink href="/srm?tab=suppliers" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={archive.supplier.name} />
      {changed ? <div className="mb-4"><Alert tone="success">{tc("submitted")}</Alert></div> : null}
      {certificates.blockedAt ? <div className="mb-4"><BlockedNotice reason={certificates.blockedReason} /></div> : null}
      <SupplierArchiveView archive={archive} canManage={hasPermission(actor, "supplier.manage")} canManageAccounts={hasPermission(actor, "supplier_account.manage")} />
      <section className="mt-6 space-y-2" data-testid="archive-changes">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold text-slate-900">{tc("section")}</h2>
          {hasPermission(actor, "supplier.manage") ? (
            <Link href={`/srm/suppliers/${archive.supplier.id}/change`} className={buttonVariants({ size: "sm", variant: "secondary" })} data-testid="start-change">{tc("start")}</Link>
          ) : null}
        </div>
        <SupplierChanges changes={await listSupplierChanges(db, actor, archive.supplier.id)} />
      </section>
      <SupplierCertificatesSection data={certificates} canManage={hasPermission(actor, "supplier.manage")} />
    </div>
  );
}
