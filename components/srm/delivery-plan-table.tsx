import { useFormatter, useTranslations } from "next-intl";
import { ListTable, Td } from "@/components/ui/table";
import type { listDeliveryPlans } from "@/lib/srm/list-purchasing";
import { SrmStatusBadge } from "./srm-badges";

type Row = Awaited<ReturnType<typeof listDeliveryPlans>>["rows"][number];

export function DeliveryPlanTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("srm.plans");
  const format = useFormatter();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const columns = [{ label: t("number") }, { label: t("order") }, { label: t("supplier") }, { label: t("status") }, { label: t("plannedDate") }, { label: t("shipped") }, { label: t("quantity"), className: "text-right" }, { label: t("receipts") }];
  return (
    <ListTable testId="delivery-plans" columns={columns} empty={t("empty")} isEmpty={rows.length === 0}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="plan-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs">
            {r.number}
            {r.revision > 1 ? <div className="font-sans text-slate-500">{t("revision", { n: r.revision })}</div> : null}
          </Td>
          <Td className="whitespace-nowrap font-mono text-xs">{r.orderNumber}</Td>
          <Td className="min-w-48">
            <span className="font-mono text-xs text-slate-500">{r.supplier.code}</span> {r.supplier.name}
          </Td>
          <Td><SrmStatusBadge kind="plan" status={r.status} /></Td>
          <Td className="whitespace-nowrap text-xs">{day(r.plannedDate)}</Td>
          <Td className="whitespace-nowrap text-xs">
            {day(r.shippedAt)}
            {r.waybillNo ? <div className="text-slate-500">{t("waybill", { no: r.waybillNo })}</div> : null}
          </Td>
          <Td className="text-right tabular-nums">{format.number(r.quantity)}</Td>
          <Td className="text-xs">
            {r.receipts.length
              ? r.receipts.map((g) => (
                  <div key={g.number} className="whitespace-nowrap">
                    <span className="font-mono">{g.number}</span> <span className="text-slate-500">{g.posted ? t("posted") : t("notPosted")}</span>
                  </div>
                ))
              : "—"}
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
