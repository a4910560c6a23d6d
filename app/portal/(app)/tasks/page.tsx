import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";

export default async function PortalTasks() {
  await supplierOrRedirect();
  const t = await getTranslations();
  return (
    <div>
      <PageHeader title={t("nav.portalTasks")} />
      <Card><p className="text-sm text-slate-600">{t("portal.tasksEmpty")}</p></Card>
    </div>
  );
}
