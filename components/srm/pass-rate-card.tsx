import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { CategoryPassRate, PassRate } from "@/lib/srm/receiving/quality-pass-rate";

/** A supplier's incoming-inspection lot pass rate, overall and per product category, with the rule in words (supplier archive). */
export function PassRateCard({ rates }: { rates: { overall: PassRate; categories: CategoryPassRate[] } }) {
  const t = useTranslations("receiving.passRate");
  const format = useFormatter();
  const pct = (r: number | null) => (r === null ? "—" : format.number(r, { style: "percent", maximumFractionDigits: 1 }));
  return (
    <Card className="space-y-2 p-3" data-testid="pass-rate">
      <div className="text-xs text-slate-500">{t("title")}</div>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="pass-rate-value">{pct(rates.overall.rate)}</span>
        <span className="text-sm text-slate-700">{rates.overall.lots ? t("counted", { lots: rates.overall.lots, passed: rates.overall.passed }) : t("none")}</span>
      </div>
      {rates.categories.length ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="pass-rate-categories">
          {rates.categories.map((c) => (
            <li key={c.category ?? ""} className="flex flex-wrap justify-between gap-2 py-1" data-testid="pass-rate-category">
              <span className="text-slate-700">{c.category ?? t("noCategory")}</span>
              <span className="tabular-nums text-slate-900">{pct(c.rate)} <span className="text-xs text-slate-500">{t("counted", { lots: c.lots, passed: c.passed })}</span></span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-slate-500">{t("rule")}</p>
    </Card>
  );
}
