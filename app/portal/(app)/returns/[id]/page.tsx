import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReturnLines } from "@/components/portal/portal-return-table";
import { useDates } from "@/components/srm/order-formats";
import { BackLink } from "@/components/ui/back-link";
import { Card, PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getPortalReturn, type PortalReturn } from "@/lib/srm/receiving/portal-returns";

function Facts({ r, labels }: { r: PortalReturn; labels: Record<"createdAt" | "order" | "plan" | "waybill" | "location", string> }) {
  const { when } = useDates();
  const rows: [string, React.ReactNode][] = [
    [labels.createdAt, when(r.createdAt)],
    [labels.order, <Link key="o" href={`/portal/orders/${r.order.id}`} className="font-mono text-emerald-800 hover:underline">{r.order.number}</Link>],
    [labels.plan, <span key="p" className="font-mono">{r.planNumber}</span>],
    [labels.waybill, r.waybillNo ?? "—"],
    [labels.location, r.location],
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      {rows.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="break-words text-sm text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One return of the signed-in supplier; another supplier's is a 404 (lib/ scopes it by the session). */
export default async function PortalReturnPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await supplierOrRedirect();
  const { id } = await params;
  const [t, r] = await Promise.all([
    getTranslations("receiving.returns"),
    getPortalReturn(await getDb(), actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div className="space-y-3">
      <BackLink href="/portal/returns">{t("back")}</BackLink>
      <PageHeader title={t("detailTitle", { number: r.number })} />
      <Card data-testid="portal-return-detail">
        <Facts r={r} labels={{ createdAt: t("createdAt"), order: t("order"), plan: t("plan"), waybill: t("waybill"), location: t("location") }} />
      </Card>
      <Card>
        <h2 className="mb-2 text-base font-semibold text-slate-900">{t("lines")}</h2>
        <div className="text-sm"><ReturnLines lines={r.lines} /></div>
      </Card>
      <p className="text-xs text-slate-500">{t("detailNote")}</p>
    </div>
  );
}
