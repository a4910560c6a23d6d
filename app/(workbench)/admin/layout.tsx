import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { adminSections } from "./sections";

// Navigation only: the pages check their own permission (a layout is no guard for actions).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await employeeOrRedirect();
  const t = await getTranslations("admin");
  const items = [{ href: "/admin", label: t("overview"), exact: true }, ...adminSections(actor).map((s) => ({ href: s.href, label: t(`cards.${s.key}.title`) }))];
  return (
    <div>
      {items.length > 1 ? <AdminTabs items={items} label={t("tabs")} /> : null}
      {children}
    </div>
  );
}

