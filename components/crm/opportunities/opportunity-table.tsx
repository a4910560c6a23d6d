import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { StartRequirementReviewButton } from "@/components/crm/start-requirement-review-button";
import { ListTable, Td } from "@/components/ui/table";
import type { OpportunityRow } from "@/lib/crm/opportunities/list-opportunities";
import { money } from "./money";
import { StageBadge } from "./stage-badge";

/** Opportunities as a table (cards on a phone): code and name, customer, stage, amount, probability, expected close, owner. */
export function OpportunityTable({ rows, testId = "opportunity-table", showCustomer = true }: { rows: OpportunityRow[]; testId?: string; showCustomer?: boolean }) {
  const t = useTranslations("opportunities.list");
  const locale = useLocale();
  const columns = [{ label: t("name") }, ...(showCustomer ? [{ label: t("customer") }] : []), { label: t("stage") }, { label: t("amount"), className: "text-right" }, { label: t("probability"), className: "text-right" }, { label: t("expectedClose") }, { label: t("owner") }, { label: t("actions") }];
  return (
    <ListTable testId={testId} columns={columns} empty={t("empty")} isEmpty={!rows.length} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="opportunity-row">
          <Td>
            <Link href={`/crm/opportunities/${r.id}`} className="font-medium text-brand-700 hover:underline">
              <span className="mr-2 text-xs text-slate-500">{r.code}</span>
              {r.name}
            </Link>
          </Td>
          {showCustomer ? <Td label={t("customer")}><span>{r.customer.name}</span></Td> : null}
          <Td label={t("stage")}><StageBadge stage={r.stage} /></Td>
          <Td label={t("amount")} className="text-right tabular-nums"><span>{money(r.amount, r.currencyCode, locale)}</span></Td>
          <Td label={t("probability")} className="text-right tabular-nums"><span>{r.probability}%</span></Td>
          <Td label={t("expectedClose")}><span>{r.expectedCloseDate ?? "—"}</span></Td>
          <Td label={t("owner")}><span>{r.ownerName ?? "—"}</span></Td>
          <Td label={t("actions")}>{r.stage !== "won" && r.stage !== "lost" ? <StartRequirementReviewButton opportunityId={r.id} /> : null}</Td>
        </tr>
      ))}
    </ListTable>
  );
}
