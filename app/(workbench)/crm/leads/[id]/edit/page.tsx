import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LeadForm } from "@/components/crm/leads/lead-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { workableLead } from "@/lib/crm/leads/lead-scope";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** CRM-3: an open lead corrected by whoever may work it; a converted or disqualified one, or another's, is not found here. */
export default async function EditLeadPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const [{ id }, db, t] = await Promise.all([params, getDb(), getTranslations("leads.form")]);
  const lead = await workableLead(db, actor, id, { id: true, companyName: true, contactName: true, phone: true, email: true, region: true, industry: true, channel: true, campaignCode: true, remark: true }).catch((e) => {
    if (isAppError(e) && ["not_found", "lead_closed", "lead_not_yours"].includes(e.code)) notFound();
    throw e;
  });
  return (
    <div>
      <BackLink href={`/crm/leads/${lead.id}`} className="mb-2">{lead.companyName}</BackLink>
      <PageHeader title={t("editTitle", { name: lead.companyName })} />
      <p className="mb-4 text-sm text-slate-600">{t("editIntro")}</p>
      <LeadForm lead={lead} />
    </div>
  );
}
