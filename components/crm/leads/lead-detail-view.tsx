import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { LeadDetail } from "@/lib/crm/leads/get-lead";
import { Section } from "../customer-detail-view";
import { IdleDays, LeadStatusBadge } from "./lead-badges";

/** One lead (CRM-3): its data, owner, conversion, history, and the actions the employee may take (passed in). */
export function LeadDetailView({ detail, actions }: { detail: LeadDetail; actions: { title: string; testId: string; body: React.ReactNode }[] }) {
  const t = useTranslations("leads.detail");
  const ts = useTranslations("leads.sources");
  const ta = useTranslations("admin.audit.actions");
  const format = useFormatter();
  const en = useLocale() === "en";
  const l = detail.lead;
  const moment = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const rows: [string, React.ReactNode][] = [
    [t("code"), l.code],
    [t("status"), <LeadStatusBadge key="s" status={l.status} />],
    [t("source"), <span key="src" data-testid="lead-source">{ts(l.source)}</span>],
    [t("owner"), <span key="o" data-testid="lead-detail-owner">{detail.ownerName ?? t("pool")}</span>],
    [t("team"), detail.team ? (en ? detail.team.nameEn : detail.team.nameZh) : "—"],
    [t("contactName"), l.contactName ?? "—"],
    [t("phone"), l.phone ? <a key="p" className="text-brand-700 hover:underline" href={`tel:${l.phone.replace(/[^\d+]/g, "")}`}>{l.phone}</a> : "—"],
    [t("email"), l.email ?? "—"],
    [t("region"), l.region ?? "—"],
    [t("industry"), l.industry ?? "—"],
    [t("channel"), l.channel ?? "—"],
    [t("campaignCode"), l.campaignCode ?? "—"],
    [t("createdBy"), detail.createdByName ?? "—"],
    [t("createdAt"), moment(l.createdAt)],
    [t("lastWorked"), <IdleDays key="i" days={detail.idleDays} />],
    [t("remark"), l.remark ?? "—"],
    ...(l.disqualifyReason ? [[t("disqualifyReason"), l.disqualifyReason] as [string, React.ReactNode]] : []),
    ...(detail.customer ? [[t("customer"), <Link key="c" href={`/crm/customers/${detail.customer.id}`} className="text-brand-700 underline" data-testid="lead-customer">{detail.customer.name}</Link>] as [string, React.ReactNode]] : []),
    ...(l.conversion?.linkedExisting ? [[t("linkedExisting"), "✓"] as [string, React.ReactNode]] : []),
    ...(l.conversion?.opportunityName ? [[t("opportunity"), l.conversion.opportunityName] as [string, React.ReactNode]] : []),
    ...(l.conversion?.expectedAmount ? [[t("expectedAmount"), t("amount", { amount: format.number(Number(l.conversion.expectedAmount)) })] as [string, React.ReactNode]] : []),
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Card data-testid="lead-profile">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            {rows.map(([label, value]) => (
              <div key={label} className="flex gap-3">
                <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {actions.map((a) => <Section key={a.testId} title={a.title} testId={a.testId}>{a.body}</Section>)}
      </div>
      <Section title={t("history")} testId="lead-history">
        {detail.history.length ? (
          <ol className="space-y-2 text-sm">
            {detail.history.map((h) => (
              <li key={h.id} data-testid="lead-history-entry">
                <div className="font-medium">{ta.has(h.action.replaceAll(".", "_")) ? ta(h.action.replaceAll(".", "_")) : h.action}</div>
                {h.note ? <div className="text-slate-700">{h.note}</div> : null}
                <div className="text-xs text-slate-500">{[moment(h.at), h.by].filter(Boolean).join(" · ")}</div>
              </li>
            ))}
          </ol>
        ) : <p className="text-sm text-slate-500">{t("historyEmpty")}</p>}
      </Section>
    </div>
  );
}
