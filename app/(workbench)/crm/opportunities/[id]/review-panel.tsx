import { getFormatter, getTranslations } from "next-intl/server";
import { ReviewCancel } from "@/components/crm/opportunities/review-cancel";
import { ReviewControls } from "@/components/crm/opportunities/review-controls";
import { Badge, Card } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session";
import { listOpportunityReviews } from "@/lib/crm/opportunities/review/list-reviews";
import { getDb } from "@/lib/db/client";

const TONE: Record<string, string> = { running: "bg-amber-100 text-amber-800", approved: "bg-green-100 text-green-800", rejected: "bg-red-100 text-red-800", cancelled: "bg-slate-100 text-slate-600" };

/** The opportunity's reviews (CRM-6): start the stage's review, cancel a running one, the reviews with their outcome, the ERP quotation an approved commercial review wrote. */
export async function ReviewPanel({ opportunityId }: { opportunityId: string }) {
  const [t, format, panel] = await Promise.all([getTranslations("opportunityReview"), getFormatter(), listOpportunityReviews(await getDb(), await currentActor(), opportunityId)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const quotePending = !panel.erpSaleNumber && panel.reviews.some((r) => r.stage === "quotation" && r.status === "approved");
  return (
    <Card data-testid="opportunity-reviews">
      <h2 className="mb-2 font-medium">{t("title")}</h2>
      {panel.erpSaleNumber || quotePending ? (
        <p className="mb-3 rounded-md bg-green-50 px-3 py-2 text-sm" data-testid="opportunity-review-erp">
          {panel.erpSaleNumber ? (
            <>
              <span className="text-slate-600">{t("erpQuotation")}：</span>
              <span className="font-semibold" data-testid="opportunity-review-erp-number">{panel.erpSaleNumber}</span>
              {panel.erpQuotedAt ? <span className="ml-2 text-slate-500">{t("erpQuotedAt", { date: day(panel.erpQuotedAt) })}</span> : null}
            </>
          ) : (
            t("erpPending")
          )}
        </p>
      ) : null}
      {panel.reviews.length ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="opportunity-review-list">
          {panel.reviews.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="opportunity-review-row">
              <span className="font-medium">{t(`kind.${r.stage}`)}</span>
              <Badge className={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
              {r.marginPct !== null && r.stage === "quotation" ? <span className="tabular-nums text-slate-600">{t("margin", { margin: r.marginPct })}</span> : null}
              <span className="text-slate-500">{t("started", { date: day(r.startedAt), name: r.startedBy || "—" })}</span>
              {r.decidedAt ? <span className="text-slate-500">{t("decided", { date: day(r.decidedAt) })}</span> : null}
              {r.outcomeNote ? <span className="w-full text-slate-700" data-testid="opportunity-review-reason">{t(r.status === "cancelled" ? "cancelReason" : "reason", { note: r.outcomeNote })}</span> : null}
              {r.mayCancel ? <ReviewCancel opportunityId={opportunityId} reviewId={r.id} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("none")}</p>
      )}
      <ReviewControls
        opportunityId={opportunityId}
        canStart={panel.canStart}
        kind={t(`kind.${panel.stage}`)}
        reviewable={panel.stage === "solution" || panel.stage === "quotation"}
        floorPct={panel.marginFloorPct}
        mayEditFloor={panel.mayEditFloor}
      />
    </Card>
  );
}
