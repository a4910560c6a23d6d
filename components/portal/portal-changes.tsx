"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { ChangeDiff } from "@/components/srm/change-diff";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { PortalChangeView } from "@/lib/srm/supplier-change/portal-changes";

const TONE: Record<PortalChangeView["status"], string> = {
  pending: "bg-blue-50 text-blue-700",
  approved: "bg-green-50 text-green-800",
  rejected: "bg-red-50 text-red-800",
  refused: "bg-amber-50 text-amber-800",
};

/** A change request's status in words: under review, effective, rejected, or why it did not take effect. */
export function PortalChangeStatus({ change }: { change: PortalChangeView }) {
  const t = useTranslations("srm.change");
  return (
    <span className={cn("rounded px-2 py-0.5 text-xs font-medium", TONE[change.status])} data-testid="portal-change-status" data-status={change.status}>
      {change.status === "refused" && change.outcome ? t(`outcome.${change.outcome}`) : t(`status.${change.status}`)}
    </span>
  );
}

/** One of the supplier's change requests: status, when and by whom, the reason, the diff, and how it was decided. */
export function PortalChangeCard({ change, link }: { change: PortalChangeView; link?: boolean }) {
  const t = useTranslations("portalChanges");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card className="min-w-0 space-y-2" data-testid="portal-change" data-number={change.number}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="font-mono text-xs">{change.number}</span>
        <PortalChangeStatus change={change} />
        <span className="text-slate-600">{t("submitted", { when: when(change.createdAt) })}</span>
        {change.proposedBy ? <span className="text-slate-600">{t("by", { who: change.proposedBy })}</span> : null}
        {change.decidedAt ? <span className="text-slate-600">{t("decided", { when: when(change.decidedAt) })}</span> : null}
        {link ? <Link href={`/portal/changes/${change.id}`} className="ml-auto text-emerald-800 hover:underline">{t("open")}</Link> : null}
      </div>
      {change.reason ? <p className="break-words text-sm text-slate-700">{t("reason", { reason: change.reason })}</p> : null}
      <ChangeDiff rows={change.rows} testId="portal-change-diff" />
      {change.comment ? <p className="break-words rounded bg-red-50 px-2 py-1 text-sm text-red-800" data-testid="portal-change-comment">{t("comment", { comment: change.comment })}</p> : null}
    </Card>
  );
}
