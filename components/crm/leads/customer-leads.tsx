import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";

type CustomerLead = { id: string; code: string; source: string; createdAt: Date; conversion: { at: Date; opportunityName: string | null } | null };

/** The leads that became this customer (CRM-3), on the customer's page; nothing when there are none. */
export function CustomerLeads({ leads }: { leads: CustomerLead[] }) {
  const t = useTranslations("leads.customer");
  const ts = useTranslations("leads.sources");
  const format = useFormatter();
  if (!leads.length) return null;
  return (
    <Card className="mt-4" data-testid="customer-leads">
      <h2 className="mb-2 font-medium text-slate-900">{t("title")}</h2>
      <ul className="space-y-1 text-sm">
        {leads.map((l) => (
          <li key={l.id} className="flex flex-wrap gap-x-3" data-testid="customer-lead">
            <Link href={`/crm/leads/${l.id}`} className="text-brand-700 underline">{l.code}</Link>
            <span>{ts(l.source)}</span>
            {l.conversion ? <span className="text-slate-600">{t("converted", { date: format.dateTime(l.conversion.at, { dateStyle: "medium", timeZone: "Asia/Shanghai" }) })}</span> : null}
            {l.conversion?.opportunityName ? <span className="text-slate-600">{t("opportunity", { name: l.conversion.opportunityName })}</span> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
