import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { countOpenTasks } from "@/lib/inbox/count-open-tasks";
import { getWorkbenchProfile } from "@/lib/org/get-workbench-profile";

export default async function WorkbenchHome() {
  const actor = await employeeOrRedirect();
  const [t, locale, profile, counts] = await Promise.all([getTranslations(), getLocale(), getWorkbenchProfile(actor), countOpenTasks(await getDb(), actor)]);
  const zh = locale === "zh-CN";
  const entries = [
    { href: "/inbox", key: "inbox", show: true },
    { href: "/srm", key: "srm", show: hasPermission(actor, "srm.view") },
    { href: "/crm", key: "crm", show: hasPermission(actor, "crm.view") },
    { href: "/processes", key: "processes", show: hasPermission(actor, "process.design") },
    { href: "/reports", key: "reports", show: hasPermission(actor, "report.view") },
    { href: "/integration", key: "integration", show: hasPermission(actor, "integration.view") },
    { href: "/admin", key: "admin", show: (["org.view", "org.manage.department", "supplier_account.manage", "audit.view"] as const).some((p) => hasPermission(actor, p)) },
  ].filter((e) => e.show);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold" data-testid="welcome">{t("home.welcome", { name: actor.name })}</h1>
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">{t("home.department")}</dt><dd>{profile.department ? (zh ? profile.department.nameZh : profile.department.nameEn) : t("common.none")}</dd></div>
          <div><dt className="text-slate-500">{t("home.roles")}</dt><dd className="flex flex-wrap gap-1">{profile.roles.map((r) => <Badge key={r.key}>{zh ? r.nameZh : r.nameEn}</Badge>)}</dd></div>
          <div><dt className="text-slate-500">{t("home.groups")}</dt><dd className="flex flex-wrap gap-1">{profile.groups.length ? profile.groups.map((g) => <Badge key={g.key}>{zh ? g.nameZh : g.nameEn}</Badge>) : t("common.none")}</dd></div>
        </dl>
      </Card>
      <Card data-testid="home-open-tasks">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("inbox.home.title")}</h2>
          <Link href="/inbox" className="text-sm text-brand-700 hover:underline">{t("inbox.home.open")}</Link>
        </div>
        <ul className="grid grid-cols-3 gap-3 text-center">
          {(
            [
              { key: "mine", href: "/inbox", n: counts.mine },
              { key: "group", href: "/inbox?view=group", n: counts.group },
              { key: "overdue", href: "/inbox?due=overdue", n: counts.overdue },
            ] as const
          ).map((c) => (
            <li key={c.key}>
              <Link href={c.href} className="block rounded-md bg-slate-50 p-3 hover:bg-slate-100">
                <span className="block text-xs text-slate-500">{t(`inbox.home.${c.key}`)}</span>
                <span className={`block text-2xl font-semibold tabular-nums ${c.key === "overdue" && c.n ? "text-red-700" : ""}`} data-testid={`home-count-${c.key}`}>{c.n}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      <h2 className="text-base font-semibold">{t("home.quickEntry")}</h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {entries.map((e) => (
          <Link key={e.href} href={e.href} className="rounded-lg border border-slate-200 bg-white p-4 text-center font-medium shadow-sm hover:border-brand-600">
            {t(`nav.${e.key}`)}
          </Link>
        ))}
      </div>
    </div>
  );
}
