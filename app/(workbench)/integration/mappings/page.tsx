import { getTranslations } from "next-intl/server";
import { MappingsView } from "@/components/integration/mappings-view";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { parseMappingQuery } from "@/lib/erp/centre/centre.schema";
import { listMappings } from "@/lib/erp/centre/list-mappings";

export default async function MappingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("integration.view");
  const q = parseMappingQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("integration"), listMappings(await getDb(), actor, q)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("tabs.mappings")} />
      <p className="text-sm text-slate-600">{t("mappings.intro")}</p>
      <MappingsView list={list} canManage={hasPermission(actor, "integration.manage")} />
    </div>
  );
}
