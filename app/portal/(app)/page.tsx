import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DueBadge } from "@/components/inbox/due-badge";
import { PortalExpiringCard } from "@/components/certificates/portal-expiring-card";
import { PortalFigures, PortalHomeSections } from "@/components/portal/portal-home-sections";
import { ChangeStatusBadge } from "@/components/srm/supplier-changes";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { countTasks } from "@/lib/inbox/count-tasks";
import { listTasks } from "@/lib/inbox/list-tasks";
import { getPortalHome } from "@/lib/srm/portal-home";

const HOME_TASKS = 5;

/**
 * The supplier's home: what needs it (tasks soonest due first, orders to confirm, deliveries
 * due, receipts with rejections, documents) and its own figures, all scoped to the session's
 * supplier in lib/.
 */
export default async function PortalHome() {
  const actor = await supplierOrRedirect();
  const db = await getDb();
  const query = { view: "mine", sort: "dueAt", dir: "asc", size: HOME_TASKS };
  const [t, tc, zh, list, total, home] = await Promise.all([getTranslations("portal"), getTranslations("portalChanges"), getLocale().then((l) => l === "zh-CN"), listTasks(db, actor, query), countTasks(db, actor, query), getPortalHome(db, actor)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold" data-testid="portal-welcome">{t("welcome", { name: actor.name })}</h1>
      <Alert tone="info">{t("isolation", { supplier: actor.supplierName })}</Alert>
      <Card data-testid="portal-home-tasks">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-base font-semibold text-slate-900">{t("tasksTitle")}</h2>
          {list.items.length ? <span className="text-sm text-slate-600" data-testid="portal-home-count">{t("tasksCount", { count: total.total })}</span> : null}
        </div>
        {list.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("tasksEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {list.items.map((row) => (
              <li key={row.id} className="py-2 first:pt-0" data-testid="portal-home-task" data-task-id={row.id}>
                <Link href={`/portal/tasks/${row.id}`} className="group flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                  <span className="min-w-0">
                    <span className="block break-words font-medium text-emerald-800 group-hover:underline">{row.name}</span>
                    <span className="block break-words text-sm text-slate-600">
                      <span className="font-mono text-xs">{row.businessKey ?? "—"}</span>
                      {row.subject ? ` · ${row.subject}` : ` · ${row.processName}`}
                    </span>
                  </span>
                  <DueBadge state={row.dueState} dueAt={row.dueAt} compact />
                </Link>
              </li>
            ))}
          </ul>
        )}
        {list.hasNext || list.items.length ? (
          <div className="mt-3 border-t border-slate-100 pt-3 text-right">
            <Link href="/portal/tasks" className="text-sm text-emerald-800 hover:underline">{t("tasksAll")}</Link>
          </div>
        ) : null}
      </Card>
      {home.expiring.length ? <PortalExpiringCard rows={home.expiring} /> : null}
      <PortalHomeSections home={home} />
      {home.changes.length ? (
        <Card data-testid="portal-home-changes">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-base font-semibold text-slate-900">{tc("homeTitle")}</h2>
            <Link href="/portal/changes" className="text-sm text-emerald-800 hover:underline">{tc("homeAll")}</Link>
          </div>
          <ul className="divide-y divide-slate-100 text-sm">
            {home.changes.map((c) => (
              <li key={c.id} className="py-2 first:pt-0" data-testid="portal-home-change">
                <Link href={`/portal/changes/${c.id}`} className="flex flex-wrap items-center justify-between gap-2 hover:underline">
                  <span className="min-w-0 break-words">
                    <span className="font-mono text-xs">{c.number}</span> · {c.rows.map((r) => (zh ? r.labelZh : r.labelEn)).join(zh ? "、" : ", ")}
                  </span>
                  <ChangeStatusBadge status={c.status} outcome={c.outcome} testId="portal-change-status" />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <PortalFigures home={home} />
    </div>
  );
}
