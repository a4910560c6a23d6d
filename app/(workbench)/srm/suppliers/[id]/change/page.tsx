import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SupplierChangeForm } from "@/components/srm/supplier-change-form";
import { proposeSupplierChangeAction } from "../../change-actions";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SRM-4: propose a change to a supplier's master data, pre-filled with the archive; approved by the change flow. */
export default async function SupplierChangePage({ params }: { params: Promise<{ id: string }> }) {
  await employeeWithPermission("supplier.manage");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const db = await getDb();
  const codes = (kind: "tax" | "paymentTerm") => db.masterData.findMany({ where: { kind, active: true }, orderBy: { code: "asc" }, select: { code: true, name: true } });
  const [t, s, taxes, terms, pending] = await Promise.all([
    getTranslations("srm.change"),
    db.supplier.findUnique({ where: { id } }),
    codes("tax"),
    codes("paymentTerm"),
    db.supplierChange.findFirst({ where: { supplierId: id, status: "pending" }, select: { number: true } }),
  ]);
  if (!s) notFound();
  const v = (x: string | null) => x ?? "";
  return (
    <div>
      <BackLink href={`/srm/suppliers/${s.id}`} className="mb-2">{t("backToArchive")}</BackLink>
      <PageHeader title={t("title", { name: s.name })} />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      {pending ? (
        <Alert tone="info">{t("pendingExists", { number: pending.number })}</Alert>
      ) : (
        <SupplierChangeForm
          supplierId={s.id}
          action={proposeSupplierChangeAction}
          doneHref={`/srm/suppliers/${s.id}?changed=1`}
          taxes={taxes}
          terms={terms}
          defaults={{ name: s.name, taxCode: v(s.taxCode), paymentTermCode: v(s.paymentTermCode), contactName: v(s.contactName), contactPhone: v(s.contactPhone), address: v(s.address), bankName: v(s.bankName), bankAccount: v(s.bankAccount) }}
        />
      )}
    </div>
  );
}
