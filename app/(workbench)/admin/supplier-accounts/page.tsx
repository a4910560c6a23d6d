import { getTranslations } from "next-intl/server";
import { SupplierAccountsView } from "@/components/admin/supplier-accounts-view";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listSupplierUsers } from "@/lib/srm/list-supplier-users";

export default async function SupplierAccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("supplier_account.manage");
  const { supplier } = await searchParams;
  const [t, list] = await Promise.all([
    getTranslations("admin.supplierAccounts"),
    listSupplierUsers(await getDb(), actor, { supplierId: typeof supplier === "string" ? supplier : null }),
  ]);
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <SupplierAccountsView list={list} />
    </div>
  );
}
