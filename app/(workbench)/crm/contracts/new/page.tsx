import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CreateContractForm } from "@/components/crm/contracts/create-contract-form";
import { BackLink } from "@/components/ui/back-link";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { contractSource } from "@/lib/crm/contracts/contract-source";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A new contract: from an opportunity (?opportunity=), a past contract (?from=) or a customer picked here. */
export default async function NewContractPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const sp = await searchParams;
  const opportunityId = one(sp.opportunity)?.slice(0, 40);
  const fromContractId = one(sp.from)?.slice(0, 40);
  const [t, tt, tc, source] = await Promise.all([
    getTranslations("contracts.new"),
    getTranslations("contracts.template"),
    getTranslations("contracts.countries"),
    contractSource(await getDb(), actor, { opportunityId, fromContractId }).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div className="space-y-4">
      <BackLink href="/crm/contracts">{t("back")}</BackLink>
      <PageHeader title={t("title")} />
      <Card className="space-y-3 p-4">
        {source.kind === "customer" ? (
          <>
            <p className="text-sm text-slate-600">{t("pickCustomer")}</p>
            <CreateContractForm customers={source.customers} />
          </>
        ) : (
          <>
            <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="contract-source">
              <dt className="text-slate-500">{t(source.kind === "opportunity" ? "fromOpportunity" : "fromContract")}</dt>
              <dd>{source.label}</dd>
              <dt className="text-slate-500">{t("customer")}</dt>
              <dd>{source.customer.name}</dd>
              <dt className="text-slate-500">{t("template")}</dt>
              <dd data-testid="contract-template">{tt(source.template)}（{t(`templateWhy.${source.template}`, { country: tc.has(source.customer.countryCode) ? tc(source.customer.countryCode) : source.customer.countryCode })}）</dd>
            </dl>
            <CreateContractForm opportunityId={source.kind === "opportunity" ? source.id : undefined} fromContractId={source.kind === "contract" ? source.id : undefined} countryCode={source.kind === "opportunity" && source.mayEditCustomer ? source.customer.countryCode : undefined} />
          </>
        )}
      </Card>
    </div>
  );
}
