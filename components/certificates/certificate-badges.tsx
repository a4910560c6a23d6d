import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { blockReasonText } from "@/lib/srm/certificates/block-reason";

const STATUS_TONE: Record<string, string> = {
  pending: "bg-amber-50 text-amber-800",
  valid: "bg-green-50 text-green-700",
  rejected: "bg-red-50 text-red-700",
  superseded: "bg-slate-100 text-slate-600",
};

export function DocumentStatusBadge({ status }: { status: string }) {
  const t = useTranslations("certificates.status");
  return <Badge className={cn("whitespace-nowrap", STATUS_TONE[status])} data-status={status}>{t(status)}</Badge>;
}

/** Days until a valid document's last day: amber within 30 days, red once expired. */
export function DaysLeft({ days, validUntil }: { days: number | null; validUntil: string | null }) {
  const t = useTranslations("certificates.days");
  if (days === null) return <span className="text-slate-400">{validUntil ? "—" : t("none")}</span>;
  const tone = days < 0 ? "bg-red-50 text-red-700" : days <= 30 ? "bg-amber-50 text-amber-800" : "bg-slate-50 text-slate-700";
  const text = days < 0 ? t("expired", { days: -days }) : days === 0 ? t("today") : t("left", { days });
  return <Badge className={cn("whitespace-nowrap tabular-nums", tone)} data-testid="days-left" data-days={days}>{text}</Badge>;
}

/** The reason a supplier is blocked, in the reader's language ("营业执照已于 2026-12-01 过期"). */
export function useBlockReason() {
  const locale = useLocale();
  return (stored: unknown) => blockReasonText(stored, locale);
}

export function BlockedNotice({ reason }: { reason: unknown }) {
  const t = useTranslations("certificates.blocked");
  const text = useBlockReason()(reason);
  return (
    <div data-testid="supplier-blocked">
      <Alert>
        <strong className="block">{t("title")}</strong>
        {t("body", { reason: text })}
      </Alert>
    </div>
  );
}

/** In a list: "已冻结" and why. */
export function BlockedLine({ reason }: { reason: unknown }) {
  const t = useTranslations("certificates.blocked");
  const text = useBlockReason()(reason);
  return (
    <div className="mt-1 space-y-0.5" data-testid="blocked-line">
      <Badge className="whitespace-nowrap bg-red-50 text-red-700">{t("badge")}</Badge>
      <span className="block text-xs text-red-700">{text}</span>
    </div>
  );
}
