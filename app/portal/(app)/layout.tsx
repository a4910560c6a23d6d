import { getTranslations } from "next-intl/server";
import { NotificationBell } from "@/components/inbox/notification-bell";
import { AppShell } from "@/components/shell/app-shell";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listNotifications } from "@/lib/inbox/list-notifications";
import { injectFault } from "@/lib/log/fault-hook";
import { markAllPortalNotificationsReadAction, markPortalNotificationReadAction } from "./tasks/actions";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await injectFault("portal");
  const actor = await supplierOrRedirect();
  const [t, notifications] = await Promise.all([getTranslations(), listNotifications(await getDb(), actor, { take: 8 })]);
  const items = [
    { href: "/portal", label: t("nav.portalHome") },
    { href: "/portal/tasks", label: t("nav.portalTasks") },
    { href: "/portal/account", label: t("nav.portalAccount") },
  ];
  const bell = <NotificationBell unread={notifications.unread} items={notifications.items} markRead={markPortalNotificationReadAction} markAllRead={markAllPortalNotificationsReadAction} />;
  return (
    <AppShell tone="portal" brand={t("app.portalName")} home="/portal" loginPath="/portal/login" items={items} userLabel={`${actor.name} · ${actor.supplierName}`} menuLabel={t("nav.menu")} bell={bell}>
      {children}
    </AppShell>
  );
}
