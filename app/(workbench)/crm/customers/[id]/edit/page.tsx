import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CustomerProfileForm } from "@/components/crm/customer-profile-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { listCustomerCategories } from "@/lib/crm/customer-categories";
import { assertMayEditCustomer, visibleCustomer } from "@/lib/crm/customer-scope";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** CRM-2: the customer's profile, for its owner, their sales lead or an administrator (others: not found). */
export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const [{ id }, db, t] = await Promise.all([params, getDb(), getTranslations("crmMerge.profile")]);
  const customer = await visibleCustomer(db, actor, id, {
    id: true, name: true, creditCode: true, industry: true, region: true, level: true, tags: true, categoryIds: true, sharedWithTeam: true, ownerId: true, teamId: true,
  })
    .then(async (c) => (await assertMayEditCustomer(db, actor, c), c))
    .catch((e) => {
      if (isAppError(e) && (e.code === "not_found" || e.code === "forbidden")) notFound();
      throw e;
    });
  // Retired categories stay selectable on the customers that carry them.
  const categories = (await listCustomerCategories(db, actor, { withInactive: true })).filter((c) => c.active || customer.categoryIds.includes(c.id));
  return (
    <div>
      <BackLink href={`/crm/customers/${customer.id}`} className="mb-2">{customer.name}</BackLink>
      <PageHeader title={t("title", { name: customer.name })} />
      <CustomerProfileForm customer={customer} categories={categories.map((c) => ({ value: c.id, label: c.name }))} />
    </div>
  );
}
