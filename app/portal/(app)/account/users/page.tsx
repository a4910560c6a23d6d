import { getTranslations } from "next-intl/server";
import { ColleaguesView } from "@/components/portal/colleagues-view";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { supplierAdminOrForbidden } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listColleagues } from "@/lib/srm/list-colleagues";

/** The supplier administrator's page: the accounts of the own supplier (SRM-10). */
export default async function PortalColleaguesPage() {
  const actor = await supplierAdminOrForbidden();
  const [t, list] = await Promise.all([getTranslations(), listColleagues(await getDb(), actor)]);
  return (
    <div className="space-y-3">
      <BackLink href="/portal/account">{t("nav.portalAccount")}</BackLink>
      <PageHeader title={t("portalAccount.users.title")} />
      <p className="text-sm text-slate-600">{t("portalAccount.users.intro", { supplier: actor.supplierName })}</p>
      <ColleaguesView list={list} />
    </div>
  );
}
