import { getTranslations } from "next-intl/server";
import { LeadForm } from "@/components/crm/leads/lead-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";

/** CRM-3: a lead entered by hand, classified and assigned by the rules on saving. */
export default async function NewLeadPage() {
  await employeeWithPermission("crm.view");
  const [t, td] = await Promise.all([getTranslations("leads.form"), getTranslations("leads.detail")]);
  return (
    <div>
      <BackLink href="/crm/leads" className="mb-2">{td("back")}</BackLink>
      <PageHeader title={t("title")} />
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <LeadForm />
    </div>
  );
}
