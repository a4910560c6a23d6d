import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";

/** An honest placeholder for a module whose issue has not landed yet. */
export async function ComingSoon({ titleKey }: { titleKey: string }) {
  const t = await getTranslations();
  return (
    <div>
      <PageHeader title={t(titleKey)} />
      <Card><p className="text-sm text-slate-600">{t("common.comingSoon")}</p></Card>
    </div>
  );
}
