import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ContactLogForm } from "@/components/crm/contact-log-form";
import { CustomerStagePanel } from "@/components/crm/customer-stage-panel";
import { CustomerContactsEditor } from "@/components/crm/customer-contacts-editor";
import { CustomerDetailView } from "@/components/crm/customer-detail-view";
import { CustomerLeads } from "@/components/crm/leads/customer-leads";
import { CustomerOpportunities } from "@/components/crm/opportunities/customer-opportunities";
import { ReassignForm } from "@/components/crm/reassign-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getCustomer } from "@/lib/crm/get-customer";
import { visibleSurvivorOf } from "@/lib/crm/merged-customer";
import { customerLeads } from "@/lib/crm/leads/lead-home";
import { listOpportunities } from "@/lib/crm/opportunities/list-opportunities";
import { parseOpportunityListQuery } from "@/lib/crm/opportunities/opportunity-lists.schema";
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
    getCustomer(db, actor, id).catch(async (e) => {
      if (!isAppError(e) || e.code !== "not_found") throw e;
      // A customer merged into another: its links lead to the survivor.
      const survivorId = await visibleSurvivorOf(db, actor, id);
      if (survivorId) redirect(`/crm/customers/${survivorId}`);
      notFound();
    }),
  ]);
  const tm = await getTranslations("crmMerge");
  const [targets, leads, opportunities] = await Promise.all([hasPermission(actor, "customer.assign") ? reassignTargets(db, actor) : null, customerLeads(db, actor, detail.customer.id), listOpportunities(db, actor, parseOpportunityListQuery({ customer: detail.customer.id, stage: "any" }))]);
  const label = (p: { name: string; department: { nameZh: string; nameEn: string } | null }) => (p.department ? `${p.name}（${locale === "en" ? p.department.nameEn : p.department.nameZh}）` : p.name);
  return (
    <div>
      <BackLink href="/crm/customers" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={detail.customer.name} />
      <CustomerDetailView
        detail={detail}
        logForm={<ContactLogForm customerId={detail.customer.id} today={shanghaiToday()} />}
        stage={<CustomerStagePanel customerId={detail.customer.id} code={detail.customer.code} stage={detail.customer.stage} erpId={detail.customer.erpId} mayEdit={detail.mayEdit} />}
        tools={detail.mayEdit ? (
          <>
            <Link href={`/crm/customers/${detail.customer.id}/edit`} className="text-brand-700 underline" data-testid="customer-edit">{tm("profile.edit")}</Link>
            {targets ? <Link href={`/crm/customers/${detail.customer.id}/merge`} className="text-brand-700 underline" data-testid="customer-merge">{tm("merge.link")}</Link> : null}
          </>
        ) : null}
        contactsEditor={detail.mayEdit ? <CustomerContactsEditor customerId={detail.customer.id} contacts={detail.customer.contacts} /> : undefined}
        reassign={targets ? <ReassignForm customerId={detail.customer.id} ownerId={detail.customer.ownerId} targets={targets.map((p) => ({ id: p.id, label: label(p) }))} /> : null}
      />
      <CustomerLeads leads={leads} />
      <CustomerOpportunities customerId={detail.customer.id} rows={opportunities.rows} total={opportunities.total} />
    </div>
  );
}
