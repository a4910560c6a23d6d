import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ContactLogForm } from "@/components/crm/contact-log-form";
import { CustomerDetailView } from "@/components/crm/customer-detail-view";
import { CustomerLeads } from "@/components/crm/leads/customer-leads";
import { ReassignForm } from "@/components/crm/reassign-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getCustomer } from "@/lib/crm/get-customer";
import { customerLeads } from "@/lib/crm/leads/lead-home";
import { reassignTargets } from "@/lib/crm/reassign-customer";
import { shanghaiToday } from "@/lib/crm/shanghai-day";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** One customer (CRM-2, CRM-10): profile, quick contact log, follow-ups, history; 404 for a customer the employee does not see. */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const { id } = await params;
  const db = await getDb();
  const [t, locale, detail] = await Promise.all([
    getTranslations("crm.detail"),
    getLocale(),
    getCustomer(db, actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const [targets, leads] = await Promise.all([hasPermission(actor, "customer.assign") ? reassignTargets(db, actor) : null, customerLeads(db, actor, detail.customer.id)]);
  const label = (p: { name: string; department: { nameZh: string; nameEn: string } | null }) => (p.department ? `${p.name}（${locale === "en" ? p.department.nameEn : p.department.nameZh}）` : p.name);
  return (
    <div>
      <BackLink href="/crm/customers" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={detail.customer.name} />
      <CustomerDetailView
        detail={detail}
        logForm={<ContactLogForm customerId={detail.customer.id} today={shanghaiToday()} />}
        reassign={targets ? <ReassignForm customerId={detail.customer.id} ownerId={detail.customer.ownerId} targets={targets.map((p) => ({ id: p.id, label: label(p) }))} /> : null}
      />
      <CustomerLeads leads={leads} />
    </div>
  );
}
