import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { hasPermission, type Permission } from "@/lib/auth/permissions";

const NAV: { href: string; key: string; permission?: Permission | Permission[] }[] = [
  { href: "/", key: "home" },
  { href: "/inbox", key: "inbox" },
  { href: "/srm", key: "srm", permission: "srm.view" },
  { href: "/crm", key: "crm", permission: "crm.view" },
  { href: "/processes", key: "processes", permission: "process.design" },
  { href: "/reports", key: "reports", permission: "report.view" },
  { href: "/admin", key: "admin", permission: ["org.view", "org.manage.department", "supplier_account.manage", "audit.view"] },
];

export default async function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  const actor = await employeeOrRedirect();
  const t = await getTranslations();
  const items = NAV.filter((n) => !n.permission || [n.permission].flat().some((p) => hasPermission(actor, p))).map((n) => ({ href: n.href, label: t(`nav.${n.key}`) }));
  return (
    <AppShell brand={t("app.name")} home="/" loginPath="/login" items={items} userLabel={actor.name} menuLabel={t("nav.menu")}>
      {children}
    </AppShell>
  );
}
