import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ReceiptDetailView } from "@/components/srm/receipt-detail-view";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getReceipt } from "@/lib/srm/receiving/get-receipt";

/** One goods receipt of the library (SRM-9): per line and lot counted, inspected, accepted, rejected, put away; its ERP number. */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("srm.view");
  const { id } = await params;
  const [t, receipt] = await Promise.all([
    getTranslations("receiving.receipts"),
    getReceipt(await getDb(), actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div>
      <BackLink href="/srm/receipts" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={t("detailTitle", { number: receipt.number })} />
      <ReceiptDetailView receipt={receipt} />
    </div>
  );
}
