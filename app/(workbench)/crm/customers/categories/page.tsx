import { getTranslations } from "next-intl/server";
import { CustomerCategoriesEditor } from "@/components/crm/customer-categories-editor";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { listCustomerCategories } from "@/lib/crm/customer-categories";
import { getDb } from "@/lib/db/client";

/** The customer categories an administrator defines (CRM-2, customer.categories); profiles pick from the active ones. */
export default async function CustomerCategoriesPage() {
  const actor = await employeeWithPermission("customer.categories");
  const [t, tl, categories] = await Promise.all([getTranslations("crm.categories"), getTranslations("crm.detail"), listCustomerCategories(await getDb(), actor, { withInactive: true })]);
  return (
    <div>
      <BackLink href="/crm/customers" className="mb-2">{tl("back")}</BackLink>
      <PageHeader title={t("title")} />
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <CustomerCategoriesEditor categories={categories} />
    </div>
  );
}
