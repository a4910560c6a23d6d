"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { SupplierChangeView } from "@/lib/srm/supplier-change/list-supplier-changes";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ChangeDiff } from "./change-diff";

const TONE: Record<SupplierChangeView["status"], string> = {
  pending: "bg-brand-50 text-brand-700",
  approved: "bg-green-50 text-green-800",
  rejected: "bg-red-50 text-red-800",
  refused: "bg-amber-50 text-amber-800",
};

/** A change request's status in words: under review, effective, rejected, or why it did not take effect. */
export function ChangeStatusBadge({ status, outcome, testId = "supplier-change-status" }: { status: SupplierChangeView["status"]; outcome: string | null; testId?: string }) {
  const t = useTranslations("srm.change");
  return (
    <span className={cn("rounded px-2 py-0.5 text-xs font-medium", TONE[status])} data-testid={testId} data-status={status}>
      {status === "refused" && outcome ? t(`outcome.${outcome}`) : t(`status.${status}`)}
    </span>
  );
}

/** The supplier's change requests on its archive: status, who asked and why, and the diff. */
export function SupplierChanges({ changes }: { changes: SupplierChangeView[] }) {
  const t = useTranslations("srm.change");
  const format = useFormatter();
  if (!changes.length) return <Card><p className="text-sm text-slate-500">{t("none")}</p></Card>;
  return (
    <ul className="space-y-3">
      {changes.map((c) => (
        <li key={c.id} data-testid="supplier-change" data-status={c.status}>
          <Card className="space-y-2">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span className="font-mono text-xs">{c.number}</span>
              <ChangeStatusBadge status={c.status} outcome={c.outcome} />
              <span className="text-slate-600">{t("proposed", { who: c.proposedBy ?? t("system"), when: format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
            </div>
            {c.reason ? <p className="break-words text-sm text-slate-700">{t("reasonShown", { reason: c.reason })}</p> : null}
            <ChangeDiff rows={c.rows} testId="supplier-change-diff" />
          </Card>
        </li>
      ))}
    </ul>
  );
}
