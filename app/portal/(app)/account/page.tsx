import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";

export default async function PortalAccount() {
  const actor = await supplierOrRedirect();
  const t = await getTranslations();
  return (
    <div>
      <PageHeader title={t("nav.portalAccount")} />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-500">{t("auth.username")}</dt><dd data-testid="portal-username">{actor.username}</dd></div>
          <div><dt className="text-slate-500">{t("portal.supplier")}</dt><dd data-testid="portal-supplier">{actor.supplierName}</dd></div>
        </dl>
      </Card>
    </div>
  );
}
