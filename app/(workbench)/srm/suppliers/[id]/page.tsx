import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SupplierArchiveView } from "@/components/srm/supplier-archive-view";
import { PageHeader } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getSupplierArchive } from "@/lib/srm/get-supplier-archive";

/** A supplier's archive (SRM-5): master data, accounts, orders, deliveries, processes, tasks, documents, history. */
export default async function SupplierArchivePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("srm.view");
  const { id } = await params;
  const [t, archive] = await Promise.all([
    getTranslations("srm.archive"),
    getSupplierArchive(await getDb(), actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div>
      <BackLink href="/srm?tab=suppliers" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={archive.supplier.name} />
      <SupplierArchiveView archive={archive} canManage={hasPermission(actor, "supplier.manage")} canManageAccounts={hasPermission(actor, "supplier_account.manage")} />
    </div>
  );
}
