import { useFormatter, useTranslations } from "next-intl";
import { ListTable, Td } from "@/components/ui/table";
import type { listPurchaseOrders } from "@/lib/srm/list-purchasing";
import { SrmStatusBadge } from "./srm-badges";

type Row = Awaited<ReturnType<typeof listPurchaseOrders>>["rows"][number];

export function PurchaseOrderTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("srm.orders");
  const format = useFormatter();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const num = (n: number | null) => (n === null ? "—" : format.number(n));
  const columns = [{ label: t("number") }, { label: t("supplier") }, { label: t("status") }, { label: t("orderDate") }, { label: t("confirmedAt") }, { label: t("quantity"), className: "text-right" }, { label: t("deliveries"), className: "text-right" }];
  return (
    <ListTable testId="purchase-orders" columns={columns} empty={t("empty")} isEmpty={rows.length === 0}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="order-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs">{r.number}</Td>
          <Td className="min-w-48">
            <span className="font-mono text-xs text-slate-500">{r.supplier.code}</span> {r.supplier.name}
          </Td>
          <Td><SrmStatusBadge kind="order" status={r.status} /></Td>
          <Td className="whitespace-nowrap text-xs">{day(r.orderDate)}</Td>
          <Td className="whitespace-nowrap text-xs">
            {day(r.confirmedAt)}
            {r.supplierRef ? <div className="text-slate-500">{t("supplierRef", { ref: r.supplierRef })}</div> : null}
          </Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{num(r.ordered)} / {num(r.confirmed)} / {num(r.received)}</Td>
          <Td className="text-right tabular-nums">{r.deliveries}</Td>
        </tr>
      ))}
    </ListTable>
  );
}
