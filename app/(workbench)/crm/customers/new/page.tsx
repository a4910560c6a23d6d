import { getTranslations } from "next-intl/server";
import { CustomerForm } from "@/components/crm/customer-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";

/** CRM-1: a new customer, with the duplicate check while typing. */
export default async function NewCustomerPage() {
  await employeeWithPermission("crm.view");
  const [t, td] = await Promise.all([getTranslations("crm.form"), getTranslations("crm.detail")]);
  return (
    <div>
      <BackLink href="/crm/customers" className="mb-2">{td("back")}</BackLink>
      <PageHeader title={t("newTitle")} />
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <CustomerForm />
    </div>
  );
}
