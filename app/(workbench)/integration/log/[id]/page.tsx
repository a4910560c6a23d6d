import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResultBadge } from "@/components/integration/health-badge";
import { JsonView } from "@/components/integration/json-view";
import { opLabel } from "@/components/integration/op-label";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getSyncLogEntry } from "@/lib/erp/centre/get-sync-log-entry";
import { isAppError } from "@/lib/errors/app-error";

export default async function SyncLogEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("integration.view");
  const { id } = await params;
  const entry = await getSyncLogEntry(await getDb(), actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const [t, format] = await Promise.all([getTranslations("integration"), getFormatter()]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("log.detailTitle")}>
        <Link href="/integration/log" className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("log.back")}</Link>
      </PageHeader>
      <Card>
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <h2 className="text-base font-semibold" data-testid="log-operation" title={entry.operation}>{opLabel(t, entry.operation)}</h2>
          <ResultBadge status={entry.status} label={t(`result.${entry.status}`)} />
        </div>
        <dl className="grid grid-cols-2 gap-3 text-sm lg:grid-cols-4">
          <div><dt className="text-slate-500">{t("log.at")}</dt><dd>{format.dateTime(entry.at, { dateStyle: "short", timeStyle: "medium" })}</dd></div>
          <div><dt className="text-slate-500">{t("log.connector")}</dt><dd>{t(`kind.${entry.connector}`)}</dd></div>
          <div><dt className="text-slate-500">{t("log.direction")}</dt><dd>{t(`direction.${entry.direction}`)}</dd></div>
          <div><dt className="text-slate-500">{t("log.duration")}</dt><dd className="tabular-nums">{t("log.ms", { ms: entry.durationMs })}</dd></div>
          <div><dt className="text-slate-500">{t("log.rows")}</dt><dd className="tabular-nums">{entry.rows}</dd></div>
          <div className="col-span-2 min-w-0"><dt className="text-slate-500">{t("log.operation")}</dt><dd className="break-all font-mono text-xs">{entry.operation}</dd></div>
          {entry.idempotencyKey ? <div className="col-span-2 min-w-0"><dt className="text-slate-500">{t("log.key")}</dt><dd className="break-all font-mono text-xs">{entry.idempotencyKey}</dd></div> : null}
          {entry.job ? (
            <div className="col-span-2 min-w-0">
              <dt className="text-slate-500">{t("log.job")}</dt>
              <dd className="text-xs">
                <span className="font-mono">{entry.job.id.slice(0, 8)}</span> · {t(`jobStatus.${entry.job.status}`)} · {t("failed.attemptsOf", { attempts: entry.job.attempts, max: entry.job.maxAttempts })}
              </dd>
            </div>
          ) : null}
        </dl>
        {entry.error ? (
          <div className="mt-3">
            <Alert><span className="break-words">{entry.error}</span></Alert>
          </div>
        ) : null}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <JsonView title={t("log.request")} value={entry.request} testId="payload-request" />
        <JsonView title={t("log.response")} value={entry.response} testId="payload-response" />
      </div>
    </div>
  );
}
