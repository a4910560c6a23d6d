import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { OnTimeCard } from "@/components/srm/on-time-card";
import { useDates, useQuantity } from "@/components/srm/order-formats";
import { Card } from "@/components/ui/card";
import type { PortalHome } from "@/lib/srm/portal-home";
import { PlannedDate } from "./portal-delivery-table";

/** A home card: title, the count linking to its full list, then its rows or a note. */
function HomeCard({ title, count, href, empty, testId, children }: { title: string; count: number; href: string; empty: string; testId: string; children: React.ReactNode }) {
  const t = useTranslations("portalPages.home");
  return (
    <Card data-testid={testId} className="min-w-0">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <Link href={href} className="text-sm text-emerald-800 hover:underline" data-testid={`${testId}-count`}>{t("count", { count })}</Link>
      </div>
      {count === 0 ? <p className="text-sm text-slate-600">{empty}</p> : <ul className="divide-y divide-slate-100 text-sm">{children}</ul>}
    </Card>
  );
}

/** The supplier's own figures: on-time delivery (the archive's rule and words) and quality acceptance per unit. */
export function PortalFigures({ home }: { home: PortalHome }) {
  const t = useTranslations("portalPages.home");
  const format = useFormatter();
  const zh = useLocale() === "zh-CN";
  const quantity = useQuantity();
  return (
    <div className="grid gap-3 md:grid-cols-2" data-testid="portal-figures">
      <OnTimeCard onTime={home.onTime} />
      <Card className="space-y-1 p-3" data-testid="acceptance-rate">
        <div className="text-xs text-slate-500">{t("acceptance")}</div>
        {home.acceptance.length === 0 ? (
          <div className="text-sm text-slate-700" data-testid="acceptance-value">{t("acceptanceNone")}</div>
        ) : (
          home.acceptance.map((a) => (
            <div key={a.unit.code} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="acceptance-value">{a.rate === null ? "—" : format.number(a.rate, { style: "percent", maximumFractionDigits: 1 })}</span>
              <span className="text-sm text-slate-700">{t("acceptanceCounted", { accepted: quantity(a.accepted, a.unit), received: quantity(a.received, a.unit) })}</span>
              {home.acceptance.length > 1 ? <span className="text-xs text-slate-500">{zh ? a.unit.nameZh : a.unit.nameEn}</span> : null}
            </div>
          ))
        )}
        <p className="text-xs text-slate-500">{t("acceptanceRule")}</p>
      </Card>
    </div>
  );
}

/** Orders waiting for confirmation, deliveries due, receipts with rejections, returns, documents: each with its count and list. */
export function PortalHomeSections({ home }: { home: PortalHome }) {
  const t = useTranslations("portalPages.home");
  const tr = useTranslations("receiving.returns");
  const zh = useLocale() === "zh-CN";
  const { day, when } = useDates();
  const quantity = useQuantity();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <HomeCard title={t("ordersTitle")} count={home.orders.total} href="/portal/orders?status=open" empty={t("ordersEmpty")} testId="portal-home-orders">
        {home.orders.rows.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0" data-testid="portal-home-order" data-number={o.number}>
            <Link href={`/portal/orders/${o.id}`} className="font-mono text-xs text-emerald-800 hover:underline">{o.number}</Link>
            <span className="text-xs text-slate-600">{t("orderLines", { lines: o.lines, date: day(o.orderDate) })}</span>
            {o.taskId ? <Link href={`/portal/tasks/${o.taskId}`} className="text-sm font-medium text-emerald-800 hover:underline">{t("confirm")}</Link> : null}
          </li>
        ))}
      </HomeCard>
      <HomeCard title={t("deliveriesTitle")} count={home.deliveries.total} href="/portal/deliveries?status=planned" empty={t("deliveriesEmpty")} testId="portal-home-deliveries">
        {home.deliveries.rows.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0" data-testid="portal-home-delivery">
            <span className="min-w-0 break-all font-mono text-xs">{p.number}</span>
            <span className="text-xs"><PlannedDate row={p} /></span>
          </li>
        ))}
      </HomeCard>
      <HomeCard title={t("receiptsTitle")} count={home.receipts.total} href="/portal/receipts?status=rejected" empty={t("receiptsEmpty")} testId="portal-home-receipts">
        {home.receipts.rows.map((r) => (
          <li key={r.id} className="space-y-0.5 py-2 first:pt-0">
            <div className="flex flex-wrap justify-between gap-2"><span className="font-mono text-xs">{r.number}</span><span className="text-xs text-slate-600">{when(r.receivedAt)}</span></div>
            {r.lines.filter((l) => l.rejected > 0).map((l) => (
              <div key={l.lineNo} className="break-words text-xs text-red-700">{t("rejectedLine", { product: l.description, rejected: quantity(l.rejected, l.unit), received: quantity(l.received, l.unit) })}</div>
            ))}
          </li>
        ))}
      </HomeCard>
      <HomeCard title={tr("homeTitle")} count={home.returns.total} href="/portal/returns" empty={tr("homeEmpty")} testId="portal-home-returns">
        {home.returns.rows.map((r) => (
          <li key={r.id} className="space-y-0.5 py-2 first:pt-0" data-testid="portal-home-return">
            <div className="flex flex-wrap justify-between gap-2"><Link href={`/portal/returns/${r.id}`} className="font-mono text-xs text-emerald-800 hover:underline">{r.number}</Link><span className="text-xs text-slate-600">{when(r.createdAt)}</span></div>
            {r.lines.map((l, i) => (
              <div key={i} className="break-words text-xs text-red-700">{tr("homeLine", { product: l.description, lot: l.lotNumber, quantity: quantity(l.quantity, l.unit), defect: l.defect ? (zh ? l.defect.labelZh : l.defect.labelEn) : "—" })}</div>
            ))}
          </li>
        ))}
      </HomeCard>
      <HomeCard title={t("documentsTitle")} count={home.documents.total} href="/portal/documents" empty={t("documentsEmpty")} testId="portal-home-documents">
        {home.documents.rows.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0">
            <a href={`/api/files/${f.id}`} download={f.name} className="min-w-0 break-all text-emerald-800 hover:underline">{f.name}</a>
            <span className="text-xs text-slate-600">{when(f.createdAt)}</span>
          </li>
        ))}
      </HomeCard>
    </div>
  );
}
