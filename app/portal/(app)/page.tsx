import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";

export default async function PortalHome() {
  const actor = await supplierOrRedirect();
  const t = await getTranslations("portal");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold" data-testid="portal-welcome">{t("welcome", { name: actor.name })}</h1>
      <Alert tone="info">{t("isolation", { supplier: actor.supplierName })}</Alert>
      <Card><p className="text-sm text-slate-600">{t("tasksEmpty")}</p></Card>
    </div>
  );
}
