import { Building2, ClipboardList, KeyRound, ShieldCheck, Store, Users, UsersRound } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { adminSections } from "./sections";

const ICONS: Record<string, typeof Users> = {
  departments: Building2,
  employees: Users,
  employeesScoped: Users,
  groups: UsersRound,
  roles: ShieldCheck,
  supplierAccounts: Store,
  audit: ClipboardList,
};

export default async function AdminOverviewPage() {
  const actor = await employeeOrRedirect();
  const sections = adminSections(actor);
  if (sections.length === 0) forbidden();
  const t = await getTranslations("admin");
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="admin-sections">
        {sections.map((s) => {
          const Icon = ICONS[s.key] ?? KeyRound;
          return (
            <li key={s.href}>
              <Link href={s.href} className="flex h-full gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
                <Icon className="mt-0.5 h-5 w-5 shrink-0 text-brand-600" aria-hidden />
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">{t(`cards.${s.key}.title`)}</span>
                  <span className="mt-1 block text-sm text-slate-600">{t(`cards.${s.key}.description`)}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
