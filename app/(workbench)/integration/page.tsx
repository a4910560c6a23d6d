import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { HeldOrdersCard } from "@/components/certificates/held-orders-card";
import { ConnectorActions } from "@/components/integration/connector-actions";
import { HealthBadge } from "@/components/integration/health-badge";
import { opLabel } from "@/components/integration/op-label";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { MASTER_KINDS } from "@/lib/erp/centre/centre.schema";
import { getConnectorOverview } from "@/lib/erp/centre/get-connector-overview";
import { listHeldOrders } from "@/lib/erp/centre/list-held-orders";

export default async function IntegrationOverviewPage() {
  const actor = await employeeWithPermission("integration.view");
  const db = await getDb();
  const [t, format, o, held] = await Promise.all([getTranslations("integration"), getFormatter(), getConnectorOverview(db, actor), listHeldOrders(db, actor)]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "medium" }) : "—");
  const c = o.connection;
  const link = "text-sm text-brand-700 hover:underline";
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>

      <Card data-testid="connector-card">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="flex items-center gap-2 text-base font-semibold">
            <span data-testid="connector-kind">{t(`kind.${c.kind}`)}</span>
            <HealthBadge ok={c.healthOk} />
          </h2>
        </div>
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {c.kind === "tryton" ? (
            <>
              <div className="min-w-0"><dt className="text-slate-500">{t("overview.url")}</dt><dd className="break-all font-mono text-xs">{c.url ?? "—"}</dd></div>
              <div><dt className="text-slate-500">{t("overview.database")}</dt><dd>{c.database ?? "—"}</dd></div>
            </>
          ) : (
            <div className="sm:col-span-2"><dt className="sr-only">{t("overview.connector")}</dt><dd className="text-slate-600">{t("overview.builtinHint")}</dd></div>
          )}
          <div><dt className="text-slate-500">{t("overview.pollEvery")}</dt><dd>{t("overview.seconds", { seconds: c.pollSeconds })}</dd></div>
          <div>
            <dt className="text-slate-500">{t("overview.lastTest")}</dt>
            <dd data-testid="last-test">{c.healthAt ? when(c.healthAt) : t("overview.never")}</dd>
          </div>
        </dl>
        {c.healthOk === false && c.healthMessage ? <p className="mt-2 break-words text-xs text-red-700" data-testid="health-message">{c.healthMessage.slice(0, 300)}</p> : null}
        {hasPermission(actor, "integration.manage") ? <ConnectorActions /> : null}
      </Card>

      {held.length ? <HeldOrdersCard rows={held} /> : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-base font-semibold">{t("overview.data")}</h2>
          <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" data-testid="data-counts">
            {MASTER_KINDS.map((k) => (
              <li key={k}>
                <Link href={`/integration/master-data?tab=${k}`} className="block rounded-md bg-slate-50 p-2 hover:bg-slate-100">
                  <span className="block text-xs text-slate-500">{t(`masterKinds.${k}`)}</span>
                  <span className="text-lg font-semibold tabular-nums">{o.masterData[k]}</span>
                </Link>
              </li>
            ))}
            {(["products", "suppliers", "customers"] as const).map((k) => (
              <li key={k} className="rounded-md bg-slate-50 p-2">
                <span className="block text-xs text-slate-500">{t(`overview.${k}`)}</span>
                <span className="text-lg font-semibold tabular-nums">{o[k].total}</span>
                <span className="block text-xs text-slate-500">{t("overview.fromErp", { count: o[k].linked })}</span>
              </li>
            ))}
          </ul>
        </Card>

        <Card>
          <h2 className="mb-3 text-base font-semibold">{t("overview.streams")}</h2>
          {o.lastSync.length === 0 && o.cursors.length === 0 ? (
            <p className="text-sm text-slate-500">{c.kind === "builtin" ? t("overview.builtinNoSync") : t("overview.noStreams")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="streams">
              {o.lastSync.map((s) => (
                <li key={s.operation} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                  <span title={s.operation}>{opLabel(t, s.operation)}</span>
                  <span className="text-xs text-slate-600">{t("overview.lastOk")} {when(s.at)}</span>
                </li>
              ))}
            </ul>
          )}
          {o.cursors.length ? (
            <details className="mt-2 text-xs text-slate-600">
              <summary className="cursor-pointer">{t("overview.cursors")}</summary>
              <ul className="mt-1 space-y-0.5">
                {o.cursors.map((cur) => (
                  <li key={cur.key} className="break-all font-mono">{cur.key}: {cur.value}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </Card>
      </div>

      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("overview.writes")}</h2>
          <Link href="/integration/failed" className={link}>{t("overview.viewFailed")}</Link>
        </div>
        <div className="grid grid-cols-2 gap-3 text-center sm:max-w-sm">
          <div className="rounded-md bg-slate-50 p-3">
            <span className="block text-xs text-slate-500">{t("overview.pending")}</span>
            <span className="text-2xl font-semibold tabular-nums" data-testid="writes-pending">{o.writes.pending}</span>
          </div>
          <div className="rounded-md bg-slate-50 p-3">
            <span className="block text-xs text-slate-500">{t("overview.failed")}</span>
            <span className={`text-2xl font-semibold tabular-nums ${o.writes.failed ? "text-red-700" : ""}`} data-testid="writes-failed">{o.writes.failed}</span>
          </div>
        </div>
      </Card>

      <Card data-testid="recent-failures">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("overview.recentFailures")}</h2>
          <Link href="/integration/log?status=failed" className={link}>{t("overview.viewLog")}</Link>
        </div>
        {o.recentFailures.length === 0 && o.failedJobs.length === 0 ? (
          <p className="text-sm text-slate-500">{t("overview.noFailures")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {o.failedJobs.map((j) => (
              <li key={j.id} className="py-2">
                <div className="flex flex-wrap justify-between gap-x-3">
                  <Link href="/integration/failed" className="font-medium text-brand-700 hover:underline" title={j.operation}>{opLabel(t, j.operation)}</Link>
                  <span className="text-xs text-slate-500">{t(`failed.state.${j.status === "failed" ? "failed" : "retrying"}`)} · {t("failed.attempts")} {j.attempts}</span>
                </div>
                {j.lastError ? <p className="mt-0.5 break-words text-xs text-red-700">{j.lastError.slice(0, 200)}</p> : null}
              </li>
            ))}
            {o.recentFailures.map((f) => (
              <li key={f.id} className="py-2">
                <div className="flex flex-wrap justify-between gap-x-3">
                  <Link href={`/integration/log/${f.id}`} className="font-medium text-brand-700 hover:underline" title={f.operation}>{opLabel(t, f.operation)}</Link>
                  <span className="text-xs text-slate-500">{when(f.at)}</span>
                </div>
                {f.error ? <p className="mt-0.5 break-words text-xs text-red-700">{f.error.slice(0, 200)}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
