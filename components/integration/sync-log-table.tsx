"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { FileJson } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { DateTime } from "@/components/inbox/format-date";
import type { SyncLogRow } from "@/lib/erp/centre/list-sync-log";
import { DataTable, type Features } from "./data-table";
import { ResultBadge } from "./health-badge";
import { opLabel } from "./op-label";

const helper = createColumnHelper<Features, SyncLogRow>();

/** The sync log page: one row per ERP call; the payloads open on the entry's own page. */
export function SyncLogTable({ rows }: { rows: SyncLogRow[] }) {
  const t = useTranslations("integration");
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("at", { header: t("log.at"), cell: (c) => <DateTime value={c.getValue()} compact /> }),
        helper.accessor("direction", { header: t("log.direction"), cell: (c) => <span className="whitespace-nowrap">{t(`direction.${c.getValue()}`)}</span> }),
        helper.accessor("operation", {
          header: t("log.operation"),
          cell: (c) => (
            <Link href={`/integration/log/${c.row.original.id}`} className="whitespace-nowrap font-medium text-brand-700 hover:underline" title={c.getValue()}>
              {opLabel(t, c.getValue())}
            </Link>
          ),
        }),
        helper.accessor("status", { header: t("log.status"), cell: (c) => <ResultBadge status={c.getValue()} label={t(`result.${c.getValue()}`)} /> }),
        helper.accessor("durationMs", { header: t("log.duration"), meta: { className: "text-right" }, cell: (c) => <span className="whitespace-nowrap tabular-nums">{t("log.ms", { ms: c.getValue() })}</span> }),
        helper.accessor("rows", { header: t("log.rows"), meta: { className: "text-right" }, cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
        helper.accessor("error", {
          header: t("log.error"),
          cell: (c) => (c.getValue() ? <span className="line-clamp-2 min-w-48 max-w-md break-words text-xs text-red-700">{c.getValue()}</span> : null),
        }),
        helper.display({
          id: "view",
          header: () => <span className="sr-only">{t("log.view")}</span>,
          cell: (c) => (
            <Link href={`/integration/log/${c.row.original.id}`} className="inline-flex items-center gap-1 whitespace-nowrap text-xs text-brand-700 hover:underline" data-testid="view-payload">
              <FileJson className="h-4 w-4" aria-hidden />
              {t("log.viewPayload")}
            </Link>
          ),
        }),
      ]),
    [t],
  );
  return <DataTable columns={columns} rows={rows} rowId={(r) => r.id} empty={t("log.empty")} testId="sync-log" rowProps={(r) => ({ "data-operation": r.operation, "data-status": r.status })} />;
}
