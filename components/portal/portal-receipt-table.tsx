import { useTranslations } from "next-intl";
import Link from "next/link";
import { useDates, useQuantity } from "@/components/srm/order-formats";
import { ListTable, Td } from "@/components/ui/table";
import type { PortalReceiptRow } from "@/lib/srm/portal-receipts";

/** The receipt library: per receipt its order and plan, per line received / accepted / rejected; cards on a phone. */
export function PortalReceiptTable({ rows }: { rows: PortalReceiptRow[] }) {
  const t = useTranslations("portalPages.receipts");
  const { when } = useDates();
  const quantity = useQuantity();
  const columns = [{ label: t("number") }, { label: t("receivedAt") }, { label: t("order") }, { label: t("plan") }, { label: t("lines") }];
  return (
    <ListTable testId="portal-receipts" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="portal-receipt-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs max-md:text-sm max-md:font-semibold">
            <span>{r.number}</span>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("receivedAt")}>
            <span>{when(r.receivedAt)}</span>
          </Td>
          <Td className="whitespace-nowrap font-mono text-xs" label={t("order")}>
            <Link href={`/portal/orders/${r.order.id}`} className="text-emerald-800 hover:underline">{r.order.number}</Link>
          </Td>
          <Td className="font-mono text-xs" label={t("plan")}>
            <span className="break-all">{r.planNumber ?? "—"}</span>
          </Td>
          <Td className="min-w-64 text-xs" label={t("lines")}>
            <ul className="space-y-1">
              {r.lines.map((l) => (
                <li key={l.lineNo} className="break-words" data-testid="portal-receipt-line">
                  <span className="text-slate-500">{t("lineNo", { n: l.lineNo })}</span> {l.description}
                  <span className="block tabular-nums">
                    {t("quantities", { received: quantity(l.received, l.unit), accepted: quantity(l.accepted, l.unit) })}
                    {l.rejected > 0 ? <span className="ml-1 font-medium text-red-700" data-testid="portal-receipt-rejected">{t("rejectedQuantity", { rejected: quantity(l.rejected, l.unit) })}</span> : null}
                  </span>
                </li>
              ))}
            </ul>
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
