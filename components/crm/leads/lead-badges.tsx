import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const TONE: Record<string, string> = { new: "bg-sky-100 text-sky-800", working: "bg-amber-100 text-amber-900", converted: "bg-green-100 text-green-800", disqualified: "bg-slate-200 text-slate-700" };

/** A lead's status as a coloured badge. */
export function LeadStatusBadge({ status }: { status: string }) {
  const t = useTranslations("leads.statuses");
  return <Badge className={cn(TONE[status])} data-testid="lead-status" data-status={status}>{t(status)}</Badge>;
}

/** Whole days since the lead was last worked: today, or a number of days (orange from 3). */
export function IdleDays({ days }: { days: number }) {
  const t = useTranslations("leads.list");
  return <span className={cn("text-sm", days >= 3 ? "font-medium text-orange-700" : "text-slate-600")}>{days ? t("idleDays", { days }) : t("idleToday")}</span>;
}
