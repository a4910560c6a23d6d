import { getTranslations } from "next-intl/server";
import { StageConfigForm } from "@/components/crm/opportunities/stage-config-form";
import { BackLink } from "@/components/ui/back-link";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { stageSettings } from "@/lib/crm/opportunities/edit-stage-config";
import { getDb } from "@/lib/db/client";

/** The pipeline's stage settings (CRM-4): each open stage's default probability and review gate. */
export default async function OpportunityStagesPage() {
  const actor = await employeeWithPermission("opportunity.review_settings");
  const [t, ts, rows] = await Promise.all([getTranslations("opportunities.stageSettings"), getTranslations("opportunities.stages"), stageSettings(await getDb(), actor)]);
  return (
    <div className="space-y-4">
      <BackLink href="/crm/opportunities/board">{t("back")}</BackLink>
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ul className="space-y-3" data-testid="stage-settings">
        {rows.map((r) => (
          <li key={r.stage} data-testid="stage-setting" data-stage={r.stage}>
            <Card>
              {r.fixed ? (
                <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1 text-sm">
                  <span className="w-full font-medium sm:w-28">{ts(r.stage)}</span>
                  <span>{t("probability")}：<span className="tabular-nums" data-testid="stage-probability">{r.probability}</span></span>
                  <span className="text-slate-500">{t("fixed")} · {t("fixedHint")}</span>
                </div>
              ) : (
                <StageConfigForm stage={r.stage} label={ts(r.stage)} probability={r.probability} requiresReview={r.requiresReview} />
              )}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
