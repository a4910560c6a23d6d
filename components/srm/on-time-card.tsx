import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { OnTimeRate } from "@/lib/srm/on-time-delivery";

/** A supplier's on-time delivery rate, the lines it counts, and the rule in words (the archive and the supplier's own portal). */
export function OnTimeCard({ onTime }: { onTime: OnTimeRate }) {
  const t = useTranslations("srm.onTime");
  const td = useTranslations("srm.orderDetail");
  const format = useFormatter();
  return (
    <Card className="space-y-1 p-3" data-testid="on-time-rate">
      <div className="text-xs text-slate-500">{t("title")}</div>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="on-time-value">{onTime.rate === null ? "—" : format.number(onTime.rate, { style: "percent", maximumFractionDigits: 1 })}</span>
        <span className="text-sm text-slate-700" data-testid="on-time-counted">{onTime.counted ? t("counted", { counted: onTime.counted, onTime: onTime.onTime, late: onTime.late }) : t("none")}</span>
        {onTime.open ? <span className="text-xs text-slate-500">{t("open", { open: onTime.open })}</span> : null}
      </div>
      <p className="text-xs text-slate-500">{td("onTimeRule")}</p>
    </Card>
  );
}
