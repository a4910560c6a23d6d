import { useTranslations } from "next-intl";
import Link from "next/link";
import { useDates } from "@/components/srm/order-formats";
import { ListTable, Td } from "@/components/ui/table";
import type { ReceiptListRow } from "@/lib/srm/receiving/list-receipts";

/** The receipt library's rows: number (to the detail), received, supplier, order, plan, lines and lots, rejections, ERP; cards on a phone. */
export function ReceiptTable({ rows }: { rows: ReceiptListRow[] }) {
  const t = useTranslations("receiving.receipts");
  const { when } = useDates();
  const columns = [{ label: t("number") }, { label: t("receivedAt") }, { label: t("supplier") }, { label: t("order") }, { label: t("plan") }, { label: t("content") }, { label: t("erp") }];
  return (
    <ListTable testId="receipts" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="receipt-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs max-md:text-sm max-md:font-semibold">
            <Link href={`/srm/receipts/${r.id}`} className="text-brand-700 hover:underline">{r.number}</Link>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("receivedAt")}><span>{when(r.receivedAt)}</span></Td>
          <Td className="text-xs" label={t("supplier")}><span className="break-words">{r.supplier.name}</span></Td>
          <Td className="whitespace-nowrap font-mono text-xs" label={t("order")}>
            <Link href={`/srm/orders/${r.order.id}`} className="text-brand-700 hover:underline">{r.order.number}</Link>
          </Td>
          <Td className="font-mono text-xs" label={t("plan")}><span className="break-all">{r.planNumber ?? "—"}</span></Td>
          <Td className="text-xs" label={t("content")}>
            <span>
              {t("linesLots", { lines: r.lines, lots: r.lots })}
              {r.rejectedLines ? <span className="ml-1 font-medium text-red-700">{t("withRejected", { count: r.rejectedLines })}</span> : null}
            </span>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("erp")}><span>{r.posted ? t("posted") : t("notPosted")}</span></Td>
        </tr>
      ))}
    </ListTable>
  );
}
