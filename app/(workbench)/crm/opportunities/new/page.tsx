import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NewOpportunityForm } from "@/components/crm/opportunities/new-opportunity-form";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { newOpportunityChoices } from "@/lib/crm/opportunities/new-opportunity-choices";
import { getDb } from "@/lib/db/client";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/** New opportunity (CRM-4): from scratch (?customerId=), from a converted lead (?leadId=), or copied from a past one (?copyFrom=). */
export default async function NewOpportunityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const sp = await searchParams;
  const leadId = one(sp.leadId);
  const [t, choices] = await Promise.all([getTranslations("opportunities.new"), newOpportunityChoices(await getDb(), actor, { leadId })]);
  return (
    <div className="max-w-3xl">
      <BackLink href="/crm/opportunities" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={t("title")} />
      {leadId && choices.lead?.opportunity ? (
        <Alert tone="info">
          {t("leadTaken")} <Link href={`/crm/opportunities/${choices.lead.opportunity.id}`} className="underline">{choices.lead.opportunity.code}</Link>
        </Alert>
      ) : leadId && !choices.lead ? (
        <Alert>{t("leadNotConverted")}</Alert>
      ) : (
        <Card>
          <NewOpportunityForm choices={choices} customerId={one(sp.customerId)} copyFromId={one(sp.copyFrom)} />
        </Card>
      )}
    </div>
  );
}
