import { getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/inbox/notification-list";
import { PageHeader } from "@/components/ui/card";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listNotifications } from "@/lib/inbox/list-notifications";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export default async function NotificationsPage() {
  const actor = await employeeOrRedirect();
  const db = await getDb();
  const [t, list] = await Promise.all([getTranslations("inbox.notifications"), listNotifications(db, actor, { take: 100 })]);
  return (
    <div>
      <PageHeader title={t("title")} />
      <NotificationList items={list.items} unread={list.unread} markRead={markNotificationReadAction} markAllRead={markAllNotificationsReadAction} />
    </div>
  );
}
