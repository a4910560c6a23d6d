import { getTranslations } from "next-intl/server";
import { HealthBadge } from "@/components/integration/health-badge";
import { SettingsForm } from "@/components/integration/settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { connectionView } from "@/lib/erp/connection";

export default async function IntegrationSettingsPage() {
  await employeeWithPermission("integration.manage");
  const [t, conn] = await Promise.all([getTranslations("integration"), connectionView(await getDb())]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("tabs.settings")}>
        <HealthBadge ok={conn.healthOk} />
      </PageHeader>
      <p className="text-sm text-slate-600">{t("settings.intro")}</p>
      <Card className="max-w-2xl">
        <SettingsForm
          initial={{ kind: conn.kind, url: conn.url ?? "", database: conn.database ?? "", username: conn.username ?? "", pollSeconds: conn.pollSeconds, hasPassword: conn.hasPassword }}
        />
      </Card>
    </div>
  );
}
