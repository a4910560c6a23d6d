import { useFormatter, useTranslations } from "next-intl";
import { ListTable, Td } from "@/components/ui/table";
import type { listDeliveryPlans } from "@/lib/srm/list-purchasing";
import { DeliveryNoteLink } from "./delivery-note-link";
import { SrmStatusBadge } from "./srm-badges";
import { PlannedQuantities } from "./unit-quantities";

type Row = Awaited<ReturnType<typeof listDeliveryPlans>>["rows"][number];

/** Delivery plans; on a phone each plan is a card (ListTable `cards`). */
export function DeliveryPlanTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("srm.plans");
  const format = useFormatter();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const columns = [{ label: t("number") }, { label: t("order") }, { label: t("supplier") }, { label: t("status") }, { label: t("plannedDate") }, { label: t("shipped") }, { label: t("quantity"), className: "text-right" }, { label: t("receipts") }];
  return (
    <ListTable testId="delivery-plans" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="plan-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs max-md:text-sm max-md:font-semibold">
            <div data-testid="plan-number">
              {r.number}
              {r.revision > 1 ? <div className="font-sans text-xs font-normal text-slate-500">{t("revision", { n: r.revision })}</div> : null}
              <DeliveryNoteLink base="/srm" planId={r.id} status={r.status} />
            </div>
          </Td>
          <Td className="whitespace-nowrap font-mono text-xs" label={t("order")}>
            <span>{r.orderNumber}</span>
          </Td>
          <Td className="min-w-48" label={t("supplier")}>
            <div data-testid="plan-supplier">
              <span className="font-mono text-xs text-slate-500">{r.supplier.code}</span> {r.supplier.name}
            </div>
          </Td>
          <Td label={t("status")}>
            <span data-testid="plan-status"><SrmStatusBadge kind="plan" status={r.status} /></span>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("plannedDate")}>
            <span>{day(r.plannedDate)}</span>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("shipped")}>
            <div>
              {day(r.shippedAt)}
              {r.waybillNo ? <div className="text-slate-500">{t("waybill", { no: r.waybillNo })}</div> : null}
            </div>
          </Td>
          <Td className="whitespace-nowrap text-right text-sm" label={t("quantity")}>
            <PlannedQuantities quantities={r.quantities} />
          </Td>
          <Td className="text-xs" label={t("receipts")}>
            <div>
              {r.receipts.length
                ? r.receipts.map((g) => (
                    <div key={g.number} className="whitespace-nowrap">
                      <span className="font-mono">{g.number}</span> <span className="text-slate-500">{g.posted ? t("posted") : t("notPosted")}</span>
                    </div>
                  ))
                : "—"}
            </div>
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
