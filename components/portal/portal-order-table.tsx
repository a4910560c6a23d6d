import { useTranslations } from "next-intl";
import Link from "next/link";
import { useDates } from "@/components/srm/order-formats";
import { SrmStatusBadge } from "@/components/srm/srm-badges";
import { OrderQuantities } from "@/components/srm/unit-quantities";
import { ListTable, Td } from "@/components/ui/table";
import type { PortalOrderRow } from "@/lib/srm/portal-orders";

/** The supplier's orders (each number opens the order; an open confirmation links to its task); cards on a phone. */
export function PortalOrderTable({ rows }: { rows: PortalOrderRow[] }) {
  const t = useTranslations("portalPages.orders");
  const { day } = useDates();
  const columns = [{ label: t("number") }, { label: t("status") }, { label: t("orderDate") }, { label: t("confirmedAt") }, { label: t("quantity") }, { label: t("task") }];
  return (
    <ListTable testId="portal-orders" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="portal-order-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs max-md:text-sm max-md:font-semibold">
            <Link href={`/portal/orders/${r.id}`} className="text-emerald-800 hover:underline" data-testid="portal-order-number">{r.number}</Link>
          </Td>
          <Td label={t("status")}>
            <span><SrmStatusBadge kind="order" status={r.status} /></span>
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
          <Td label={t("task")}>
            {r.taskId ? <Link href={`/portal/tasks/${r.taskId}`} className="whitespace-nowrap text-sm font-medium text-emerald-800 hover:underline" data-testid="portal-order-confirm">{t("confirm")}</Link> : <span className="text-slate-400">—</span>}
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
