import { useTranslations } from "next-intl";
import Link from "next/link";
import { useDates, useQuantity } from "@/components/srm/order-formats";
import { SrmStatusBadge } from "@/components/srm/srm-badges";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ListTable, Td } from "@/components/ui/table";
import type { PortalOrder } from "@/lib/srm/portal-orders";

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2" data-testid={testId}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** One of the supplier's orders: header, lines (ordered / confirmed / received with dates), deliveries, receipts. */
export function PortalOrderDetail({ detail }: { detail: PortalOrder }) {
  const t = useTranslations("portalPages.orderDetail");
  const tl = useTranslations("portalPages.lines");
  const td = useTranslations("srm.orderDetail.delivery");
  const { day, when } = useDates();
  const quantity = useQuantity();
  const o = detail.order;
  return (
    <div className="space-y-5">
      <Card className="space-y-3">
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div><dt className="text-slate-500">{t("status")}</dt><dd data-testid="portal-order-status"><SrmStatusBadge kind="order" status={o.status} /></dd></div>
          <div><dt className="text-slate-500">{t("orderDate")}</dt><dd>{day(o.orderDate)}</dd></div>
          <div><dt className="text-slate-500">{t("confirmedAt")}</dt><dd>{o.confirmedAt ? when(o.confirmedAt) : "—"}</dd></div>
          <div><dt className="text-slate-500">{t("supplierRef")}</dt><dd className="break-all">{o.supplierRef ?? "—"}</dd></div>
        </dl>
        {detail.taskId ? (
          <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
            <span className="text-sm text-slate-700">{t("waiting")}</span>
            <Link href={`/portal/tasks/${detail.taskId}`} className={buttonVariants({ size: "sm" })} data-testid="portal-order-task">{t("openTask")}</Link>
          </div>
        ) : null}
      </Card>
      <Section title={t("lines")} testId="portal-order-lines">
        <ListTable testId="portal-order-line-table" columns={[{ label: tl("lineNo") }, { label: tl("product") }, { label: tl("ordered") }, { label: tl("confirmed") }, { label: tl("received") }, { label: tl("delivery") }]} empty="—" isEmpty={detail.lines.length === 0} cards>
          {detail.lines.map((l) => (
            <tr key={l.lineNo} data-testid="portal-order-line">
              <Td className="max-md:font-semibold"><span>{tl("line", { n: l.lineNo })}</span></Td>
              <Td className="min-w-40" label={tl("product")}>
                <div className="break-words"><span className="font-mono text-xs text-slate-500">{l.productCode}</span> {l.description}</div>
              </Td>
              <Td className="text-xs tabular-nums" label={tl("ordered")}>
                <div>
                  {quantity(l.quantity, l.unit)} · {day(l.requestedDate)}
                  {l.originalQuantity !== l.quantity || (l.originalDate?.getTime() ?? null) !== (l.requestedDate?.getTime() ?? null) ? (
                    <div className="text-slate-500">{tl("originally", { quantity: quantity(l.originalQuantity, l.unit), date: day(l.originalDate) })}</div>
                  ) : null}
                </div>
              </Td>
              <Td className="text-xs tabular-nums" label={tl("confirmed")}>
                <span>{l.confirmedQuantity === null ? "—" : `${quantity(l.confirmedQuantity, l.unit)} · ${day(l.confirmedDate)}`}</span>
              </Td>
              <Td className="text-xs tabular-nums" label={tl("received")}>
                <div>
                  {quantity(l.receivedQuantity, l.unit)}
                  {l.rejectedQuantity > 0 ? <div className="text-red-700">{tl("rejected", { quantity: quantity(l.rejectedQuantity, l.unit) })}</div> : null}
                </div>
              </Td>
              <Td className="text-xs" label={tl("delivery")}>
                <span>{td(l.delivery)}</span>
              </Td>
            </tr>
          ))}
        </ListTable>
      </Section>
      <Section title={t("plans")} testId="portal-order-plans">
        {detail.plans.length === 0 ? <p className="text-sm text-slate-600">{t("plansEmpty")}</p> : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {detail.plans.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <span className="break-all font-mono text-xs">{p.number}</span>
                <SrmStatusBadge kind="plan" status={p.status} />
                <span className="text-xs text-slate-600">{t("planDates", { planned: day(p.plannedDate), shipped: p.shippedAt ? day(p.shippedAt) : "—" })}</span>
                {p.waybillNo ? <span className="break-all text-xs text-slate-600">{t("waybill", { no: p.waybillNo })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("receipts")} testId="portal-order-receipts">
        {detail.receipts.length === 0 ? <p className="text-sm text-slate-600">{t("receiptsEmpty")}</p> : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {detail.receipts.map((r) => (
              <li key={r.id} className="space-y-1 px-3 py-2">
                <div className="flex flex-wrap gap-x-3"><span className="font-mono text-xs">{r.number}</span><span className="text-xs text-slate-600">{when(r.receivedAt)}</span></div>
                <ul className="text-xs tabular-nums text-slate-700">
                  {r.lines.map((l) => (
                    <li key={l.lineNo}>{tl("line", { n: l.lineNo })} · {tl("acceptedRejected", { accepted: quantity(l.accepted, l.unit), rejected: quantity(l.rejected, l.unit) })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
