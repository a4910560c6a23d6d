import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LeadAssignForm, LeadConvertForm, LeadDisqualifyForm, LeadWorkForm } from "@/components/crm/leads/lead-actions";
import { LeadDetailView } from "@/components/crm/leads/lead-detail-view";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import Link from "next/link";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getLead } from "@/lib/crm/leads/get-lead";
import { leadOpportunity } from "@/lib/crm/opportunities/lead-opportunity";
import { reassignTargets } from "@/lib/crm/reassign-customer";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** One lead (CRM-3): data, history and, for its owner or sales lead, work, conversion, disqualification and assignment; 404 for a lead the employee does not see. */
export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const { id } = await params;
  const db = await getDb();
  const [t, ta, locale, detail] = await Promise.all([
    getTranslations("leads.detail"),
    getTranslations("leads.actions"),
    getLocale(),
    getLead(db, actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  const l = detail.lead;
  const opportunity = l.status === "converted" ? await leadOpportunity(db, actor, l.id) : null;
  const to = await getTranslations("opportunities.lead");
  const targets = detail.mayDistribute ? await reassignTargets(db, actor) : null;
  const label = (p: { name: string; department: { nameZh: string; nameEn: string } | null }) => (p.department ? `${p.name}（${locale === "en" ? p.department.nameEn : p.department.nameZh}）` : p.name);
  const actions = detail.mayWork
    ? [
        { title: ta("workTitle"), testId: "lead-work", body: <LeadWorkForm id={l.id} /> },
        ...(targets ? [{ title: ta("assignTitle"), testId: "lead-assign", body: <LeadAssignForm id={l.id} ownerId={l.ownerId} targets={targets.map((p) => ({ id: p.id, label: label(p) }))} /> }] : []),
        { title: ta("convertTitle"), testId: "lead-convert", body: <LeadConvertForm id={l.id} companyName={l.companyName} /> },
        { title: ta("disqualifyTitle"), testId: "lead-disqualify", body: <LeadDisqualifyForm id={l.id} /> },
      ]
    : [];
  return (
    <div>
      <BackLink href="/crm/leads" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={l.companyName} />
      {!detail.mayWork && (l.status === "new" || l.status === "working") ? <div className="mb-4"><Alert tone="info">{t("readOnly")}</Alert></div> : null}
      {opportunity ? (
        <Card className="mb-4 flex flex-wrap items-center justify-between gap-2" data-testid="lead-opportunity">
          <h2 className="font-medium">{to("title")}</h2>
          {opportunity.visible ? (
            <Link href={`/crm/opportunities/${opportunity.visible.id}`} className="text-brand-700 underline">{to("open", { code: opportunity.visible.code })}</Link>
          ) : opportunity.exists ? null : (
            <Link href={`/crm/opportunities/new?leadId=${l.id}`} className={buttonVariants({ size: "sm" })} data-testid="lead-create-opportunity">{to("create")}</Link>
          )}
        </Card>
      ) : null}
      <LeadDetailView detail={detail} actions={actions} />
    </div>
  );
}
