import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { CustomValuesList } from "@/components/admin/custom-fields-values";
import { Badge, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ListTable, Td } from "@/components/ui/table";
import { customEntries } from "@/lib/custom-fields/format-custom-values";
import type { PurchaseOrderDetail } from "@/lib/srm/get-purchase-order";
import { useDates, useQuantity } from "./order-formats";
import { OrderActivity, Section } from "./purchase-order-activity";
import { SrmStatusBadge } from "./srm-badges";

const DELIVERY_TONE: Record<string, string> = {
  on_time: "bg-green-50 text-green-700",
  late: "bg-red-50 text-red-700",
  open: "bg-amber-50 text-amber-800",
  not_counted: "bg-slate-100 text-slate-600",
};

/** One purchase order for employees: header, lines with original / confirmed / received figures, then its activity (SRM-6). */
export function PurchaseOrderDetailView({ detail }: { detail: PurchaseOrderDetail }) {
  const t = useTranslations("srm.orderDetail");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = useLocale();
  const qty = useQuantity();
  const { day, when } = useDates();
  const { order: o } = detail;
  const money = (v: number) => format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  const currency = o.currencyCode ?? "";
  const hasCustom = customEntries(detail.customFields, o.custom, locale, { yes: tc("yes"), no: tc("no") }).length > 0;
  const header: [string, React.ReactNode, string][] = [
    [t("supplier"), <Link key="s" href={`/srm/suppliers/${o.supplier.id}`} className="text-brand-700 hover:underline" data-testid="order-supplier-link"><span className="font-mono text-xs">{o.supplier.code}</span> {o.supplier.name}</Link>, "supplier"],
    [t("status"), <SrmStatusBadge key="st" kind="order" status={o.status} />, "status"],
    [t("currency"), currency || "—", "currency"],
    [t("orderDate"), day(o.orderDate), "orderDate"],
    [t("confirmedAt"), o.confirmedAt ? when(o.confirmedAt) : "—", "confirmedAt"],
    [t("supplierRef"), o.supplierRef || "—", "supplierRef"],
    ...(o.status === "declined" ? [[t("declinedAt"), o.declinedAt ? when(o.declinedAt) : "—", "declinedAt"], [t("declineReason"), <span key="r" className="whitespace-pre-wrap">{o.declineReason || "—"}</span>, "declineReason"]] as [string, React.ReactNode, string][] : []),
    ...(o.revision > 1 ? [[t("revision"), t("revisionValue", { n: o.revision }), "revision"] as [string, string, string]] : []),
    [t("total"), `${money(detail.total)} ${currency}`.trim(), "total"],
  ];
  const columns = [{ label: t("line") }, { label: t("product") }, { label: t("original") }, { label: t("requested") }, { label: t("confirmed") }, { label: t("received") }, { label: t("price"), className: "text-right" }, { label: t("amount"), className: "text-right" }, { label: t("deliveryCol") }];
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t("header")} testId="order-header">
          <Card>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              {header.map(([label, value, key]) => (
                <div key={key} className="contents" data-testid={`order-${key}`}>
                  <dt className="whitespace-nowrap text-slate-500">{label}</dt>
                  <dd className="min-w-0 break-words text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </Section>
        {hasCustom ? (
          <Section title={t("custom")} testId="order-custom">
            <Card><CustomValuesList fields={detail.customFields} values={o.custom} /></Card>
          </Section>
        ) : null}
      </div>

      <Section title={t("lines")} testId="order-lines">
        <ListTable testId="order-line-table" columns={columns} empty="—" isEmpty={detail.lines.length === 0} cards>
          {detail.lines.map((l) => (
            <tr key={l.id} data-testid="order-line" data-line={l.lineNo}>
              <Td className="whitespace-nowrap tabular-nums max-md:font-semibold">
                <span>{t("lineNo", { n: l.lineNo })}</span>
              </Td>
              <Td className="min-w-40" label={t("product")}>
                <div><span className="font-mono text-xs text-slate-500">{l.productCode}</span> {l.description}</div>
              </Td>
              <Td className="whitespace-nowrap tabular-nums" label={t("original")}>
                <div data-testid="line-original">{qty(l.originalQuantity, l.unit)}<div className="text-xs text-slate-500">{day(l.originalDate)}</div></div>
              </Td>
              <Td className="whitespace-nowrap tabular-nums" label={t("requested")}>
                <div data-testid="line-requested">
                  {qty(l.quantity, l.unit)}
                  <div className={cn("text-xs", l.requestedDate?.getTime() !== l.originalDate?.getTime() ? "text-amber-700" : "text-slate-500")}>{day(l.requestedDate)}</div>
                </div>
              </Td>
              <Td className="whitespace-nowrap tabular-nums" label={t("confirmed")}>
                {l.confirmedQuantity === null ? (
                  <span className="text-slate-500" data-testid="line-confirmed">{t("notConfirmed")}</span>
                ) : (
                  <div data-testid="line-confirmed">{qty(l.confirmedQuantity, l.unit)}<div className="text-xs text-slate-500">{day(l.confirmedDate)}</div></div>
                )}
              </Td>
              <Td className="whitespace-nowrap tabular-nums" label={t("received")}>
                {l.firstReceivedAt ? (
                  <div data-testid="line-received">
                    {qty(l.receivedQuantity, l.unit)}
                    {l.rejectedQuantity ? <span className="ml-1 text-xs text-red-700">{t("rejected", { qty: qty(l.rejectedQuantity, l.unit) })}</span> : null}
                    <div className="text-xs text-slate-500">{l.lastReceivedAt && day(l.lastReceivedAt) !== day(l.firstReceivedAt) ? t("receivedRange", { first: day(l.firstReceivedAt), last: day(l.lastReceivedAt) }) : day(l.firstReceivedAt)}</div>
                  </div>
                ) : (
                  <span className="text-slate-500" data-testid="line-received">{t("notReceived")}</span>
                )}
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums" label={t("price")}>
                <span>{money(l.unitPrice)}</span>
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums" label={t("amount")}>
                <span>{money(l.amount)}</span>
              </Td>
              <Td label={t("deliveryCol")}>
                <Badge className={cn("whitespace-nowrap", DELIVERY_TONE[l.delivery.state])} data-testid="line-delivery" data-state={l.delivery.state}>{t(`delivery.${l.delivery.state}`)}</Badge>
              </Td>
            </tr>
          ))}
        </ListTable>
        <p className="text-xs text-slate-500" data-testid="on-time-rule">{t("onTimeRule")}</p>
      </Section>

      <OrderActivity detail={detail} />
    </div>
  );
}
