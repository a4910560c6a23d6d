import { useTranslations } from "next-intl";
import Link from "next/link";
import { ListTable, Td } from "@/components/ui/table";
import type { listContracts } from "@/lib/crm/contracts/list-contracts";
import { ContractStatus } from "./contract-status";

type Row = Awaited<ReturnType<typeof listContracts>>["rows"][number];

/** The contracts list; on a phone each contract is a card. */
export function ContractTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("contracts.list");
  const tt = useTranslations("contracts.template");
  const money = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const columns = ["number", "customer", "template", "amount", "status", "created"].map((k) => ({ label: t(`columns.${k}`) }));
  return (
    <ListTable testId="contracts" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((c) => (
        <tr key={c.id} data-testid="contract-row" data-number={c.number}>
          <Td className="whitespace-nowrap">
            <Link href={`/crm/contracts/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid="contract-link">{c.number}</Link>
            <div className="text-xs text-slate-500">{t("version", { version: c.currentVersion })}{c.opportunity ? ` · ${c.opportunity.code}` : ""}</div>
          </Td>
          <Td label={t("columns.customer")}>{c.customer.name}</Td>
          <Td label={t("columns.template")}>{tt(c.template)}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums" label={t("columns.amount")}>{c.currencyCode} {money.format(c.totalAmount)}</Td>
          <Td label={t("columns.status")}><ContractStatus status={c.status} /></Td>
          <Td className="whitespace-nowrap" label={t("columns.created")}>{c.createdAt.toISOString().slice(0, 10)}</Td>
        </tr>
      ))}
    </ListTable>
  );
}
