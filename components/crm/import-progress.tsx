"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { importProgressAction } from "@/app/(workbench)/crm/customers/import/actions";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ImportRunView } from "@/lib/imports/import-run";
import { useImportText } from "./use-import-text";

const POLL_MS = 1000;
const COUNTS = ["created", "updated", "skipped", "failed"] as const;

/** Step 4: the job's progress, polled from the import's row (so a reload shows it again), and the error report when it is done. */
export function ImportProgress({ run, basePath, backHref }: { run: ImportRunView; basePath: string; backHref: string }) {
  const t = useImportText(run.target);
  const [p, setP] = useState(() => ({ status: run.status, total: run.total, done: run.done, created: run.created, updated: run.updated, skipped: run.skipped, failed: run.failed }));
  const finished = p.status === "done" || p.status === "failed";
  useEffect(() => {
    if (finished) return;
    const timer = setTimeout(async () => {
      const res = await importProgressAction({ target: run.target as "customer" | "lead", runId: run.id }).catch(() => null);
      setP((old) => (res?.ok ? res.data : { ...old }));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [p, finished, run.id, run.target]);
  const percent = p.total ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <Card className="space-y-4" data-testid="import-run" data-status={p.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-medium">{t("run.title")}</h2>
        <span className="text-sm text-slate-600">{t("run.file", { name: run.fileName })}</span>
      </div>
      <div role="progressbar" aria-label={t("run.title")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 w-full overflow-hidden rounded-full bg-slate-100">
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-700">
        <span data-testid="import-status" className="mr-3 font-medium">{t(`statuses.${p.status}` as never)}</span>
        {t("run.progress", { done: p.done, total: p.total })}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {COUNTS.map((c) => (
          <div key={c} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t(`run.${c}`)}</dt>
            <dd className="text-lg font-semibold text-slate-900" data-testid={`count-${c}`}>{p[c]}</dd>
          </div>
        ))}
      </dl>
      {/* The technical cause stays in the import's row for the administrator. */}
      {p.status === "failed" ? <p className="text-sm text-red-700">{t("run.error")}</p> : null}
      {finished ? (
        <div className="flex flex-wrap gap-3">
          {p.failed + p.skipped > 0 ? <a href={`${basePath}/report?run=${run.id}`} className={buttonVariants({ size: "sm" })} data-testid="import-report" download>{t("run.report")}</a> : null}
          <Link href={basePath} className={buttonVariants({ size: "sm", variant: "secondary" })}>{t("run.again")}</Link>
          <Link href={backHref} className={buttonVariants({ size: "sm", variant: "secondary" })}>{t("back")}</Link>
        </div>
      ) : null}
    </Card>
  );
}
