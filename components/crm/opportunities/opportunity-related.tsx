import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { opportunityRelated } from "@/lib/crm/opportunities/opportunity-related";

type Related = Awaited<ReturnType<typeof opportunityRelated>>;

/** The opportunity's product requirements, liaison forms and contracts, with the entries to raise a new requirement or liaison form. */
export async function OpportunityRelated({ opportunityId, related, mayRaise }: { opportunityId: string; related: Related; mayRaise: boolean }) {
  const [t, tr, tl, tc] = await Promise.all([getTranslations("opportunities.related"), getTranslations("requirements.status"), getTranslations("liaison.status"), getTranslations("contracts.status")]);
  const section = (title: string, testId: string, items: { id: string; href: string; code: string; label: string; status: string }[], action?: React.ReactNode) => (
    <div data-testid={testId}>
      <div className="mb-1 flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-700">{title}</h3>
        {action}
      </div>
      {items.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2 py-1.5">
              <Link href={i.href} className="text-brand-700 hover:underline"><span className="mr-2 text-xs text-slate-500">{i.code}</span>{i.label}</Link>
              <span className="text-xs text-slate-500">{i.status}</span>
            </li>
          ))}
        </ul>
      ) : <p className="text-sm text-slate-500">{t("none")}</p>}
    </div>
  );
  return (
    <Card data-testid="opportunity-related">
      <h2 className="mb-3 font-medium">{t("title")}</h2>
      <div className="grid gap-4 md:grid-cols-3">
        {section(t("requirements"), "related-requirements", related.requirements.map((r) => ({ id: r.id, href: `/crm/requirements/${r.id}`, code: r.code, label: r.title, status: tr(r.status) })),
          mayRaise ? <Link href={`/crm/requirements/new?opportunity=${opportunityId}`} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="related-new-requirement">{t("newRequirement")}</Link> : null)}
        {section(t("liaisonForms"), "related-liaison", related.liaisonForms.map((f) => ({ id: f.id, href: `/crm/liaison/${f.id}`, code: f.code, label: f.title, status: tl(f.status) })),
          mayRaise ? <Link href={`/crm/liaison/new?opportunity=${opportunityId}`} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="related-new-liaison">{t("newLiaison")}</Link> : null)}
        {section(t("contracts"), "related-contracts", related.contracts.map((c) => ({ id: c.id, href: `/crm/contracts/${c.id}`, code: c.number, label: t(`template.${c.template}`), status: tc(c.status) })))}
      </div>
    </Card>
  );
}
