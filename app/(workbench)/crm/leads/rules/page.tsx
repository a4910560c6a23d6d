import { getLocale, getTranslations } from "next-intl/server";
import { LeadRulesView } from "@/components/crm/leads/lead-rules-view";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { leadRuleTargets, listLeadRules } from "@/lib/crm/leads/lead-rules";
import { getDb } from "@/lib/db/client";

/** The lead rules (CRM-3): source classification, assignment, and the stale-lead reminder's days (lead.rules). */
export default async function LeadRulesPage() {
  const actor = await employeeWithPermission("lead.rules");
  const db = await getDb();
  const [t, td, locale, rules, targets] = await Promise.all([getTranslations("leads.rules"), getTranslations("leads.detail"), getLocale(), listLeadRules(db, actor), leadRuleTargets(db, actor)]);
  const teamName = (d: { nameZh: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.nameZh);
  return (
    <div>
      <BackLink href="/crm/leads" className="mb-2">{td("back")}</BackLink>
      <PageHeader title={t("title")} />
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <LeadRulesView
        sources={rules.sources.map((r) => ({ id: r.id, position: r.position, kind: r.kind, pattern: r.pattern, source: r.source }))}
        assignments={rules.assignments.map((r) => ({ id: r.id, position: r.position, kind: r.kind, pattern: r.pattern, target: r.ownerName ? t("person", { name: r.ownerName }) : r.team ? t("teamRoundRobin", { name: teamName(r.team) }) : "—" }))}
        staleDays={rules.staleDays}
        targets={[...targets.people.map((p) => ({ value: `employee:${p.id}`, label: t("person", { name: p.name }) })), ...targets.teams.map((d) => ({ value: `team:${d.id}`, label: t("teamRoundRobin", { name: teamName(d) }) }))]}
      />
    </div>
  );
}
