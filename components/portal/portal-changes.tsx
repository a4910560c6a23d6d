"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { ChangeDiff } from "@/components/srm/change-diff";
import { ChangeStatusBadge } from "@/components/srm/supplier-changes";
import { Card } from "@/components/ui/card";
import type { PortalChangeView } from "@/lib/srm/supplier-change/portal-changes";

/** One of the supplier's change requests: status, when and by whom, the reason, the diff, and how it was decided. */
export function PortalChangeCard({ change, link }: { change: PortalChangeView; link?: boolean }) {
  const t = useTranslations("portalChanges");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card className="min-w-0 space-y-2" data-testid="portal-change" data-number={change.number}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="font-mono text-xs">{change.number}</span>
        <ChangeStatusBadge status={change.status} outcome={change.outcome} testId="portal-change-status" />
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
