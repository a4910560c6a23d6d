import { useLocale } from "next-intl";
import { formatParamValue, type ParamDef } from "@/lib/crm/products/param-defs";

/** Technical parameter values as "label: value" items in the category's order (labels in the reader's language). */
export function ParamSummary({ defs, values, className }: { defs: ParamDef[]; values: Record<string, unknown>; className?: string }) {
  const locale = useLocale();
  const items = defs.filter((d) => values[d.key] !== undefined && values[d.key] !== "");
  if (!items.length) return null;
  return (
    <dl className={className ?? "flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600"} data-testid="param-summary">
      {items.map((d) => (
        <div key={d.key} className="flex gap-1">
          <dt className="text-slate-500">{locale === "en" ? `${d.labelEn}:` : `${d.labelZh}：`}</dt>
          <dd>{formatParamValue(d, values[d.key], locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
