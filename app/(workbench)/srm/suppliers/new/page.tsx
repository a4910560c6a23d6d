import { getTranslations } from "next-intl/server";
import { SupplierRegistrationForm } from "@/components/srm/supplier-registration-form";
import { PageHeader } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { employeeWithPermission } from "@/lib/auth/guards";
import { loadCustomFields } from "@/lib/custom-fields/list-custom-fields";
import { getDb } from "@/lib/db/client";

/** SRM-1: register a new supplier; the codes come from the master data the ERP provides; the administrator's custom fields follow. */
export default async function RegisterSupplierPage() {
  await employeeWithPermission("supplier.manage");
  const db = await getDb();
  const codes = (kind: "tax" | "paymentTerm") => db.masterData.findMany({ where: { kind, active: true }, orderBy: { code: "asc" }, select: { code: true, name: true } });
  const [t, ta, taxes, terms, fields] = await Promise.all([
    getTranslations("srm.registration"),
    getTranslations("srm.archive"),
    codes("tax"),
    codes("paymentTerm"),
    loadCustomFields(db, "supplier").then((all) => all.filter((f) => f.active)),
  ]);
  return (
    <div>
      <BackLink href="/srm?tab=suppliers" className="mb-2">{ta("back")}</BackLink>
      <PageHeader title={t("registerTitle")} />
      <p className="mb-4 text-sm text-slate-600">{t("registerIntro")}</p>
      <SupplierRegistrationForm taxes={taxes} terms={terms} customFields={fields} />
    </div>
  );
}
