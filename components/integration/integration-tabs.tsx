import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";

const TABS = [
  { href: "/integration", key: "overview", exact: true },
  { href: "/integration/log", key: "log" },
  { href: "/integration/failed", key: "failed" },
  { href: "/integration/mappings", key: "mappings" },
  { href: "/integration/master-data", key: "masterData" },
  { href: "/integration/settings", key: "settings", manage: true },
];

/** The integration centre's sub-navigation; settings only for those who may change them. */
export async function IntegrationTabs({ manage }: { manage: boolean }) {
  const t = await getTranslations("integration");
  const items = TABS.filter((x) => manage || !x.manage).map((x) => ({ href: x.href, label: t(`tabs.${x.key}`), exact: x.exact }));
  return <AdminTabs items={items} label={t("tabsLabel")} />;
}
