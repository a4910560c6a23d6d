import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { OpportunityRow } from "@/lib/crm/opportunities/list-opportunities";
import { OpportunityTable } from "./opportunity-table";

/** The customer's opportunities the employee sees, on the customer's page, with a new one for this customer. */
export function CustomerOpportunities({ customerId, rows, total }: { customerId: string; rows: OpportunityRow[]; total: number }) {
  const t = useTranslations("opportunities.customer");
  return (
    <Card className="mt-4" data-testid="customer-opportunities">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium text-slate-900">{t("title")}</h2>
        <div className="flex gap-2">
          {total > rows.length ? <Link href={`/crm/opportunities?customer=${customerId}&stage=any`} className="text-sm text-brand-700 underline">{t("all")}</Link> : null}
          <Link href={`/crm/opportunities/new?customerId=${customerId}`} className={buttonVariants({ size: "sm", variant: "secondary" })} data-testid="customer-new-opportunity">{t("new")}</Link>
        </div>
      </div>
      <OpportunityTable rows={rows} showCustomer={false} testId="customer-opportunity-table" />
    </Card>
  );
}
