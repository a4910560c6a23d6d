import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { UnitQuantities } from "@/lib/srm/list-purchasing";
import type { UnitLabel } from "@/lib/srm/unit-labels";

/** "5,000 件 · 800 千克": one figure per unit, never a sum across units. */
function useMeasures() {
  const format = useFormatter();
  const zh = useLocale() === "zh-CN";
  return (items: { unit: UnitLabel; value: number }[]) => items.map((i) => `${format.number(i.value)} ${zh ? i.unit.nameZh : i.unit.nameEn}`).join(" · ");
}

/** A delivery's quantities, one per unit. */
export function PlannedQuantities({ quantities }: { quantities: { unit: UnitLabel; quantity: number }[] }) {
  const measures = useMeasures();
  if (quantities.length === 0) return <span>—</span>;
  return <span className="tabular-nums" data-testid="plan-quantities">{measures(quantities.map((q) => ({ unit: q.unit, value: q.quantity })))}</span>;
}

/** An order's ordered, confirmed and received quantities, each line per unit. */
export function OrderQuantities({ quantities }: { quantities: UnitQuantities[] }) {
  const t = useTranslations("srm.orders");
  const measures = useMeasures();
  if (quantities.length === 0) return <span>—</span>;
  const confirmed = quantities.every((q) => q.confirmed === null) ? null : measures(quantities.map((q) => ({ unit: q.unit, value: q.confirmed ?? 0 })));
  const lines: [string, string, string | null][] = [
    ["ordered", t("ordered"), measures(quantities.map((q) => ({ unit: q.unit, value: q.ordered })))],
    ["confirmed", t("confirmed"), confirmed],
    ["received", t("received"), measures(quantities.map((q) => ({ unit: q.unit, value: q.received })))],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs tabular-nums" data-testid="order-quantities">
      {lines.map(([key, label, value]) => (
        <div key={key} className="contents" data-testid={`quantity-${key}`}>
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 text-slate-900">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
