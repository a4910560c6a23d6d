import { useFormatter, useTranslations } from "next-intl";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { listPurchaseOrders } from "@/lib/srm/list-purchasing";
import { SrmStatusBadge } from "./srm-badges";

type Row = Awaited<ReturnType<typeof listPurchaseOrders>>["rows"][number];

export function PurchaseOrderTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("srm.orders");
  const format = useFormatter();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const num = (n: number | null) => (n === null ? "—" : format.number(n));
  return (
    <TableContainer>
      <Table data-testid="purchase-orders">
        <thead>
          <tr>
            <Th>{t("number")}</Th>
            <Th>{t("supplier")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("orderDate")}</Th>
            <Th>{t("confirmedAt")}</Th>
            <Th className="text-right">{t("quantity")}</Th>
            <Th className="text-right">{t("deliveries")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <Td colSpan={7} className="text-center text-slate-500">{t("empty")}</Td>
            </tr>
          ) : (
            rows.map((r) => (
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
            ))
          )}
        </tbody>
      </Table>
    </TableContainer>
  );
}
