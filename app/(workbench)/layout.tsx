import { getTranslations } from "next-intl/server";
import { NotificationBell } from "@/components/inbox/notification-bell";
import { AppShell } from "@/components/shell/app-shell";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listNotifications } from "@/lib/inbox/list-notifications";
import { injectFault } from "@/lib/log/fault-hook";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./inbox/notifications/actions";

const NAV: { href: string; key: string; permission?: Permission | Permission[] }[] = [
  { href: "/", key: "home" },
  { href: "/inbox", key: "inbox" },
  { href: "/srm", key: "srm", permission: "srm.view" },
  { href: "/srm/receive", key: "receive", permission: "srm.view" },
  { href: "/crm", key: "crm", permission: "crm.view" },
  { href: "/crm/leads", key: "leads", permission: "crm.view" },
  { href: "/crm/opportunities", key: "opportunities", permission: "crm.view" },
  { href: "/processes", key: "processes", permission: "process.design" },
  { href: "/reports", key: "reports", permission: "report.view" },
  { href: "/integration", key: "integration", permission: "integration.view" },
  { href: "/admin", key: "admin", permission: ["org.view", "org.manage.department", "supplier_account.manage", "audit.view", "product.library"] },
];

export default async function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  await injectFault("render");
  const actor = await employeeOrRedirect();
  const [t, notifications] = await Promise.all([getTranslations(), listNotifications(await getDb(), actor, { take: 8 })]);
  const items = NAV.filter((n) => !n.permission || [n.permission].flat().some((p) => hasPermission(actor, p))).map((n) => ({ href: n.href, label: t(`nav.${n.key}`) }));
  const bell = <NotificationBell unread={notifications.unread} items={notifications.items} markRead={markNotificationReadAction} markAllRead={markAllNotificationsReadAction} allHref="/inbox/notifications" />;
  return (
    <AppShell brand={t("app.name")} home="/" loginPath="/login" items={items} userLabel={actor.name} menuLabel={t("nav.menu")} bell={bell}>
      {children}
    </AppShell>
  );
}
