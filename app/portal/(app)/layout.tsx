import { getTranslations } from "next-intl/server";
import { NotificationBell } from "@/components/inbox/notification-bell";
import { AppShell } from "@/components/shell/app-shell";
import { PORTAL_PASSWORD_PATH, supplierSessionOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listNotifications } from "@/lib/inbox/list-notifications";
import { injectFault } from "@/lib/log/fault-hook";
import { markAllPortalNotificationsReadAction, markPortalNotificationReadAction } from "./tasks/actions";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await injectFault("portal");
  // The frame also holds the password change, open while it is due; each page guards itself.
  const actor = await supplierSessionOrRedirect();
  const due = actor.mustChangePassword;
  const [t, notifications] = await Promise.all([getTranslations(), due ? null : listNotifications(await getDb(), actor, { take: 8 })]);
  const items = due
    ? [{ href: PORTAL_PASSWORD_PATH, label: t("portalAccount.password.title") }]
    : [
        { href: "/portal", label: t("nav.portalHome") },
        { href: "/portal/tasks", label: t("nav.portalTasks") },
        { href: "/portal/orders", label: t("portalPages.nav.orders") },
        { href: "/portal/deliveries", label: t("portalPages.nav.deliveries") },
        { href: "/portal/receipts", label: t("portalPages.nav.receipts") },
        { href: "/portal/returns", label: t("receiving.returns.nav") },
        { href: "/portal/documents", label: t("portalPages.nav.documents") },
        { href: "/portal/changes", label: t("portalChanges.nav") },
        { href: "/portal/account", label: t("nav.portalAccount") },
      ];
  const bell = notifications ? <NotificationBell unread={notifications.unread} items={notifications.items} markRead={markPortalNotificationReadAction} markAllRead={markAllPortalNotificationsReadAction} /> : null;
  return (
    <AppShell tone="portal" brand={t("app.portalName")} home={due ? PORTAL_PASSWORD_PATH : "/portal"} loginPath="/portal/login" items={items} userLabel={`${actor.name} · ${actor.supplierName}`} menuLabel={t("nav.menu")} bell={bell}>
      {children}
    </AppShell>
  );
}
