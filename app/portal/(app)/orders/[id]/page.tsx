import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PortalOrderDetail } from "@/components/portal/portal-order-detail";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getPortalOrder } from "@/lib/srm/portal-orders";

/** One of the supplier's orders; another supplier's, unknown or malformed ids are the 404 page. */
export default async function PortalOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await supplierOrRedirect();
  const { id } = await params;
  const [t, detail] = await Promise.all([
    getTranslations("portalPages.orderDetail"),
    getPortalOrder(await getDb(), actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div>
      <BackLink href="/portal/orders" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={t("title", { number: detail.order.number })} />
      <PortalOrderDetail detail={detail} />
    </div>
  );
}
