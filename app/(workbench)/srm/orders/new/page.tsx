import { getTranslations } from "next-intl/server";
import { PurchaseOrderEntryForm } from "@/components/srm/purchase-order-entry-form";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getOrderEntryForm } from "@/lib/srm/order-entry";

/** The buyer's order entry (built-in connector); with an external ERP, a note that orders come from there. */
export default async function NewPurchaseOrderPage() {
  const actor = await employeeWithPermission("purchase_order.manage");
  const [t, form] = await Promise.all([getTranslations("srm.orderEntry"), getOrderEntryForm(await getDb(), actor)]);
  return (
    <div className="space-y-4">
      <BackLink href="/srm">{t("back")}</BackLink>
      <PageHeader title={t("title")} />
      {form.builtin ? (
        <>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <PurchaseOrderEntryForm options={form} />
        </>
      ) : (
        <div data-testid="orders-from-erp"><Alert tone="info">{t("fromErp")}</Alert></div>
      )}
    </div>
  );
}
