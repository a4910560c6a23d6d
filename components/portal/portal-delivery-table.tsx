import { useTranslations } from "next-intl";
import Link from "next/link";
import { DeliveryNoteLink } from "@/components/srm/delivery-note-link";
import { useDates, useQuantity } from "@/components/srm/order-formats";
import { SrmStatusBadge } from "@/components/srm/srm-badges";
import { Badge } from "@/components/ui/card";
import { ListTable, Td } from "@/components/ui/table";
import type { PortalDeliveryRow } from "@/lib/srm/portal-deliveries";

/** A planned date, marked when the plan is overdue (planned, past its day in Shanghai). */
export function PlannedDate({ row }: { row: Pick<PortalDeliveryRow, "plannedDate" | "overdue"> }) {
  const t = useTranslations("portalPages.deliveries");
  const { day } = useDates();
  return (
    <span className="inline-flex flex-wrap items-center gap-1 whitespace-nowrap">
      {day(row.plannedDate)}
      {row.overdue ? <Badge className="bg-red-50 text-red-700" data-testid="delivery-overdue">{t("overdue")}</Badge> : null}
    </span>
  );
}

/** The supplier's delivery plans with their lines, status, shipped date and waybill; cards on a phone. */
export function PortalDeliveryTable({ rows }: { rows: PortalDeliveryRow[] }) {
  const t = useTranslations("portalPages.deliveries");
  const { day } = useDates();
  const quantity = useQuantity();
  const columns = [{ label: t("number") }, { label: t("order") }, { label: t("status") }, { label: t("plannedDate") }, { label: t("lines") }, { label: t("shippedAt") }, { label: t("waybill") }];
  return (
    <ListTable testId="portal-deliveries" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="portal-delivery-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs max-md:text-sm max-md:font-semibold">
            <span>{r.number}</span>
            <DeliveryNoteLink base="/portal" planId={r.id} status={r.status} />
          </Td>
          <Td className="whitespace-nowrap font-mono text-xs" label={t("order")}>
            <Link href={`/portal/orders/${r.order.id}`} className="text-emerald-800 hover:underline">{r.order.number}</Link>
          </Td>
          <Td label={t("status")}>
            <span><SrmStatusBadge kind="plan" status={r.status} /></span>
          </Td>
          <Td className="text-xs" label={t("plannedDate")}>
            <PlannedDate row={r} />
          </Td>
          <Td className="min-w-48 text-xs" label={t("lines")}>
            <ul className="space-y-0.5" data-testid="portal-delivery-lines">
              {r.lines.map((l) => (
                <li key={l.lineNo} className="break-words">
                  <span className="text-slate-500">{t("lineNo", { n: l.lineNo })}</span> {l.description} <span className="tabular-nums">{quantity(l.quantity, l.unit)}</span>
                </li>
              ))}
            </ul>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("shippedAt")}>
            <span>{r.shippedAt ? day(r.shippedAt) : "—"}</span>
          </Td>
          <Td className="font-mono text-xs" label={t("waybill")}>
            <span className="break-all" data-testid="portal-delivery-waybill">{r.waybillNo ?? "—"}</span>
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
