import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PurchaseOrderDetailView } from "@/components/srm/purchase-order-detail-view";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getPurchaseOrder } from "@/lib/srm/get-purchase-order";

/** One purchase order for employees (SRM-6): lines, confirmation, deliveries, receipts, flows, history, ERP log. */
export default async function PurchaseOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("srm.view");
  const { id } = await params;
  const [t, detail] = await Promise.all([
    getTranslations("srm.orderDetail"),
    getPurchaseOrder(await getDb(), actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div>
      <BackLink href="/srm" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={t("title", { number: detail.order.number })} />
      <PurchaseOrderDetailView detail={detail} />
    </div>
  );
}
