import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { CustomCells, useCustomColumns } from "@/components/admin/custom-fields-values";
import { ListTable, Td } from "@/components/ui/table";
import type { CustomFieldDef } from "@/lib/custom-fields/custom-fields.schema";
import type { listPurchaseOrders } from "@/lib/srm/list-purchasing";
import { SrmStatusBadge } from "./srm-badges";
import { OrderQuantities } from "./unit-quantities";

type Row = Awaited<ReturnType<typeof listPurchaseOrders>>["rows"][number];

/** Purchase orders (each number opens the order), then their listed custom fields (`fields`); on a phone each order is a card (ListTable `cards`). */
export function PurchaseOrderTable({ rows, fields }: { rows: Row[]; fields: CustomFieldDef[] }) {
  const t = useTranslations("srm.orders");
  const format = useFormatter();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const columns = [{ label: t("number") }, { label: t("supplier") }, { label: t("status") }, { label: t("orderDate") }, { label: t("confirmedAt") }, { label: t("quantity") }, { label: t("deliveries"), className: "text-right" }, ...useCustomColumns(fields)];
  return (
    <ListTable testId="purchase-orders" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="order-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs max-md:text-sm max-md:font-semibold">
            <Link href={`/srm/orders/${r.id}`} className="text-brand-700 hover:underline" data-testid="order-number">{r.number}</Link>
          </Td>
          <Td className="min-w-48" label={t("supplier")}>
            <div data-testid="order-supplier">
              <span className="font-mono text-xs text-slate-500">{r.supplier.code}</span> {r.supplier.name}
            </div>
          </Td>
          <Td label={t("status")}>
            <span data-testid="order-status"><SrmStatusBadge kind="order" status={r.status} /></span>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("orderDate")}>
            <span>{day(r.orderDate)}</span>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("confirmedAt")}>
            <div>
              {day(r.confirmedAt)}
              {r.supplierRef ? <div className="text-slate-500">{t("supplierRef", { ref: r.supplierRef })}</div> : null}
            </div>
          </Td>
          <Td className="min-w-44" label={t("quantity")}>
            <OrderQuantities quantities={r.quantities} />
          </Td>
          <Td className="text-right tabular-nums" label={t("deliveries")}>
            <span>{r.deliveries}</span>
          </Td>
          <CustomCells fields={fields} values={r.custom} />
        </tr>
      ))}
    </ListTable>
  );
}
