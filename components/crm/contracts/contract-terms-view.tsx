import { useTranslations } from "next-intl";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { ContractTerms } from "@/lib/crm/contracts/contract.schema";

/** The terms of one version as the parties read them: lines, amounts, conditions and the clauses (both languages where there are two). */
export function ContractTermsView({ terms, template }: { terms: ContractTerms; template: "domestic" | "foreign" }) {
  const t = useTranslations("contracts.terms");
  const money = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const qty = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 3 });
  return (
    <div className="space-y-4 text-sm" data-testid="contract-terms">
      {/* On a phone each line is a card: the eight columns do not fit its width. */}
      <ul className="space-y-2 md:hidden">
        {terms.lines.map((l) => (
          <li key={l.key} className="rounded-md border border-slate-200 p-2" data-testid="contract-line-card">
            <div className="font-medium">{l.description}</div>
            <div className="text-slate-600">{l.productCode ?? "—"} · {qty.format(l.quantity)} {l.unitCode ?? ""} × {money.format(l.unitPrice)} = {money.format(l.amount)}</div>
            {l.delivery ? <div className="text-slate-500">{t("line.delivery")}：{l.delivery}</div> : null}
          </li>
        ))}
      </ul>
      <TableContainer className="hidden md:block">
        <Table>
          <thead>
            <tr>{["code", "description", "quantity", "unit", "unitPrice", "amount", "delivery"].map((k) => <Th key={k}>{t(`line.${k}`)}</Th>)}</tr>
          </thead>
          <tbody>
            {terms.lines.map((l) => (
              <tr key={l.key} data-testid="contract-line">
                <Td>{l.productCode ?? "—"}</Td>
                <Td>{l.description}</Td>
                <Td className="text-right tabular-nums">{qty.format(l.quantity)}</Td>
                <Td>{l.unitCode ?? ""}</Td>
                <Td className="text-right tabular-nums">{money.format(l.unitPrice)}</Td>
                <Td className="text-right tabular-nums">{money.format(l.amount)}</Td>
                <Td>{l.delivery ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableContainer>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        {template === "domestic" ? (
          <>
            <dt className="text-slate-500">{t("subtotal")}</dt>
            <dd className="tabular-nums">{terms.currencyCode} {money.format(terms.subtotal)}</dd>
            <dt className="text-slate-500">{t("tax", { rate: Math.round(terms.taxRate * 100) })}</dt>
            <dd className="tabular-nums">{terms.currencyCode} {money.format(terms.tax)}</dd>
          </>
        ) : (
          <>
            <dt className="text-slate-500">{t("incoterm")}</dt>
            <dd data-testid="contract-incoterm">{terms.incoterm} {terms.incotermPlace}（Incoterms® 2020）</dd>
          </>
        )}
        <dt className="text-slate-500">{t("total")}</dt>
        <dd className="font-semibold tabular-nums" data-testid="contract-total">{terms.currencyCode} {money.format(terms.total)}</dd>
        <dt className="text-slate-500">{t("paymentTerms")}</dt>
        <dd>{terms.paymentTerms}</dd>
        <dt className="text-slate-500">{t("deliveryTerms")}</dt>
        <dd>{terms.deliveryTerms}</dd>
      </dl>
      <ol className="space-y-2">
        {terms.clauses.map((c) => (
          <li key={c.key} data-testid="contract-clause">
            <div className="font-medium">{c.titleZh}{c.titleEn ? <span lang="en" className="ml-2 font-normal text-slate-500">{c.titleEn}</span> : null}</div>
            <p>{c.textZh}</p>
            {c.textEn ? <p lang="en" className="text-slate-600">{c.textEn}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
