import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session";
import { listOpportunityReviews } from "@/lib/crm/opportunities/list-opportunity-reviews";
import { getDb } from "@/lib/db/client";

const TONE: Record<string, string> = { running: "bg-amber-100 text-amber-800", approved: "bg-green-100 text-green-800", rejected: "bg-red-100 text-red-800", cancelled: "bg-slate-100 text-slate-600" };

/** The opportunity's reviews (stage, status, dates); the review flow (CRM-6) adds starting one. */
export async function ReviewPanel({ opportunityId }: { opportunityId: string }) {
  const [t, format, reviews] = await Promise.all([getTranslations("opportunities"), getFormatter(), listOpportunityReviews(await getDb(), await currentActor(), opportunityId)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <Card data-testid="opportunity-reviews">
      <h2 className="mb-2 font-medium">{t("reviews.title")}</h2>
      {reviews.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {reviews.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium">{t(`stages.${r.stage}`)}</span>
              <Badge className={TONE[r.status]}>{t(`reviews.status.${r.status}`)}</Badge>
              <span className="text-slate-500">{t("reviews.started", { date: day(r.startedAt), name: r.startedByName ?? "—" })}</span>
              {r.decidedAt ? <span className="text-slate-500">{t("reviews.decided", { date: day(r.decidedAt) })}</span> : null}
              {r.outcomeNote ? <span className="w-full text-slate-600">{r.outcomeNote}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("reviews.none")}</p>
      )}
    </Card>
  );
}
