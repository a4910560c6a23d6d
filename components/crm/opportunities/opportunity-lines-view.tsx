import { useLocale, useTranslations } from "next-intl";
import { ParamSummary } from "@/components/crm/products/param-summary";
import { ListTable, Td } from "@/components/ui/table";
import type { OpportunityDetail } from "@/lib/crm/opportunities/get-opportunity";
import { money } from "./money";

/** The lines grouped by product category, each group with its subtotal, then the total. */
export function OpportunityLinesView({ detail }: { detail: OpportunityDetail }) {
  const t = useTranslations("opportunities.lines");
  const locale = useLocale();
  const en = locale === "en";
  const o = detail.opportunity;
  if (!o.lines.length) return <p className="text-sm text-slate-500">{t("none")}</p>;
  return (
    <div className="space-y-3">
      {detail.groups.map((g) => (
        <section key={g.category?.id ?? "none"} data-testid="line-group">
          <h3 className="mb-1 flex flex-wrap items-baseline justify-between gap-2 text-sm font-medium">
            <span data-testid="line-group-name">{g.category ? (en ? g.category.nameEn : g.category.nameZh) : t("uncategorised")}</span>
            <span className="text-slate-600">{t("subtotal")}：<span className="tabular-nums" data-testid="line-group-subtotal">{money(g.subtotal, o.currencyCode, locale)}</span></span>
          </h3>
          <ListTable testId="line-table" columns={[{ label: t("description") }, { label: t("quantity"), className: "text-right" }, { label: t("unitPrice"), className: "text-right" }, { label: t("discount"), className: "text-right" }, { label: t("amount"), className: "text-right" }, { label: t("delivery") }]} empty={t("none")} isEmpty={false} cards>
            {g.lines.map((l) => (
              <tr key={l.id} data-testid="line-row">
                <Td className="md:min-w-56">
                  <div>
                    <div>{l.productCode ? <span className="mr-2 text-xs text-slate-500">{l.productCode}</span> : null}{l.description}</div>
                    <ParamSummary defs={g.category?.paramDefs ?? []} values={l.params} />
                  </div>
                </Td>
                <Td label={t("quantity")} className="text-right tabular-nums md:whitespace-nowrap"><span>{Number(l.quantity).toLocaleString(en ? "en-US" : "zh-CN")} {l.unit ? (en ? l.unit.nameEn : l.unit.nameZh) : ""}</span></Td>
                <Td label={t("unitPrice")} className="text-right tabular-nums"><span>{money(l.unitPrice, o.currencyCode, locale)}</span></Td>
                <Td label={t("discount")} className="text-right tabular-nums"><span>{Number(l.discountPct) ? `${Number(l.discountPct)}%` : "—"}</span></Td>
                <Td label={t("amount")} className="text-right tabular-nums"><span data-testid="line-amount">{money(l.amount, o.currencyCode, locale)}</span></Td>
                <Td label={t("delivery")} className="md:whitespace-nowrap"><span>{l.expectedDelivery ?? "—"}</span></Td>
              </tr>
            ))}
          </ListTable>
        </section>
      ))}
      <p className="text-right text-sm">{t("total")}：<span className="font-semibold tabular-nums" data-testid="opportunity-total-amount">{money(o.amount, o.currencyCode, locale)}</span></p>
    </div>
  );
}
