"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { RotateCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState } from "react";
import { retryWriteAction } from "@/app/(workbench)/integration/failed/actions";
import { useAction } from "@/components/admin/use-action";
import { DateTime } from "@/components/inbox/format-date";
import { Button } from "@/components/ui/button";
import type { FailedWriteRow } from "@/lib/erp/centre/list-failed-writes";
import { DataTable, type Features } from "./data-table";
import { ResultBadge } from "./health-badge";
import { opLabel } from "./op-label";

const helper = createColumnHelper<Features, FailedWriteRow>();

function RetryButton({ jobId }: { jobId: string }) {
  const t = useTranslations("integration.failed");
  const { run, pending, error } = useAction(retryWriteAction);
  const [done, setDone] = useState(false);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button size="sm" variant="secondary" disabled={pending || done} onClick={() => run({ jobId }, () => setDone(true))} data-testid="retry-write">
        <RotateCcw className="h-4 w-4" aria-hidden />
        {t("retry")}
      </Button>
      {done ? <span className="text-xs text-green-700" role="status">{t("retried")}</span> : null}
      {error ? <span className="max-w-48 text-xs text-red-600" role="alert">{error.message}</span> : null}
    </span>
  );
}

/** Failed and retrying ERP writes; a failed one can be retried by those who manage the integration. */
export function FailedWritesTable({ rows, canRetry, canOpenInstance }: { rows: FailedWriteRow[]; canRetry: boolean; canOpenInstance: boolean }) {
  const t = useTranslations("integration");
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("operation", { header: t("failed.operation"), cell: (c) => <span className="whitespace-nowrap font-medium" title={c.getValue()}>{opLabel(t, c.getValue())}</span> }),
        helper.accessor("status", {
          header: t("failed.status"),
          cell: (c) => (c.getValue() === "failed" ? <ResultBadge status="failed" label={t("failed.state.failed")} /> : <ResultBadge status="retrying" label={t("failed.state.retrying")} />),
        }),
        helper.accessor("idempotencyKey", { header: t("failed.key"), cell: (c) => <span className="break-all font-mono text-xs">{c.getValue() ?? "—"}</span> }),
        helper.accessor("attempts", { header: t("failed.attempts"), cell: (c) => <span className="whitespace-nowrap tabular-nums">{t("failed.attemptsOf", { attempts: c.getValue(), max: c.row.original.maxAttempts })}</span> }),
        helper.accessor("lastError", { header: t("failed.lastError"), cell: (c) => <span className="line-clamp-3 min-w-48 max-w-md break-words text-xs text-red-700" title={c.getValue() ?? undefined}>{c.getValue()}</span> }),
        helper.accessor("instance", {
          header: t("failed.instance"),
          cell: (c) => {
            const i = c.getValue();
            if (!i) return <span className="text-slate-400">—</span>;
            const label = i.businessKey ?? i.id.slice(0, 8);
            return canOpenInstance ? (
              <Link href={`/processes/instances/${i.id}`} className="whitespace-nowrap text-brand-700 hover:underline" title={i.process ?? undefined}>{label}</Link>
            ) : (
              <span className="whitespace-nowrap">{label}</span>
            );
          },
        }),
        helper.accessor("createdAt", { header: t("failed.createdAt"), cell: (c) => <DateTime value={c.getValue()} compact /> }),
        helper.display({
          id: "actions",
          header: () => <span className="sr-only">{t("failed.retry")}</span>,
          meta: { className: "text-right" },
          cell: (c) => (canRetry && c.row.original.status === "failed" ? <RetryButton key={c.row.original.id} jobId={c.row.original.id} /> : null),
        }),
      ]),
    [t, canRetry, canOpenInstance],
  );
  return <DataTable columns={columns} rows={rows} rowId={(r) => r.id} empty={t("failed.empty")} testId="failed-writes" rowProps={(r) => ({ "data-job-id": r.id, "data-status": r.status })} />;
}
