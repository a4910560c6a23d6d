import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { supplierOrRedirect } from "@/lib/auth/guards";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await supplierOrRedirect();
  const t = await getTranslations();
  const items = [
    { href: "/portal", label: t("nav.portalHome") },
    { href: "/portal/tasks", label: t("nav.portalTasks") },
    { href: "/portal/account", label: t("nav.portalAccount") },
  ];
  return (
    <AppShell tone="portal" brand={t("app.portalName")} home="/portal" loginPath="/portal/login" items={items} userLabel={`${actor.name} · ${actor.supplierName}`} menuLabel={t("nav.menu")}>
      {children}
    </AppShell>
  );
}
