import { getLocale, getTranslations } from "next-intl/server";
import { RequirementForm } from "@/components/crm/requirements/requirement-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { requirementFormOptions } from "@/lib/crm/requirements/requirement-form-options";
import { getDb } from "@/lib/db/client";

/** A new product requirement (CRM-7), from `?opportunity=<id>` or an opportunity picked here. */
export default async function NewRequirementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const sp = await searchParams;
  const opportunity = (Array.isArray(sp.opportunity) ? sp.opportunity[0] : sp.opportunity)?.slice(0, 40) ?? "";
  const [t, options] = await Promise.all([getTranslations("requirements.form"), requirementFormOptions(await getDb(), actor, await getLocale())]);
  return (
    <div className="space-y-4">
      <BackLink href="/crm/requirements">{t("back")}</BackLink>
      <PageHeader title={t("newTitle")} />
      <RequirementForm options={options} opportunityId={options.opportunities.some((o) => o.id === opportunity) ? opportunity : ""} />
    </div>
  );
}
