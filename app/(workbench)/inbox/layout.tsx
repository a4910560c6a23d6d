import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { employeeOrRedirect } from "@/lib/auth/guards";

// Navigation only: every page and action checks the actor itself.
export default async function InboxLayout({ children }: { children: React.ReactNode }) {
  await employeeOrRedirect();
  const t = await getTranslations("inbox.tabs");
  const items = [
    { href: "/inbox", label: t("list"), exact: true },
    { href: "/inbox/start", label: t("start") },
    { href: "/inbox/substitutes", label: t("substitutes") },
    { href: "/inbox/notifications", label: t("notifications") },
  ];
  return (
    <div>
      <AdminTabs items={items} label={t("label")} />
      {children}
    </div>
  );
}
