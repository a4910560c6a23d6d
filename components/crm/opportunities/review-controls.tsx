"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { setMarginFloorAction, startReviewAction } from "@/app/(workbench)/crm/opportunities/[id]/review-actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** One click starts the stage's review; an administrator sets the margin floor the commercial review checks. */
export function ReviewControls(p: { opportunityId: string; canStart: boolean; kind: string; reviewable: boolean; floorPct: number; mayEditFloor: boolean }) {
  const t = useTranslations("opportunityReview");
  const start = useAction(startReviewAction);
  const floor = useAction(setMarginFloorAction);
  const [started, setStarted] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <div className="mt-3 space-y-3 border-t border-slate-100 pt-3 text-sm">
      <p className="text-slate-500">{p.reviewable ? t("hint") : t("noReviewAtStage")}</p>
      {p.canStart ? (
        <Button type="button" size="sm" disabled={start.pending} onClick={() => start.run({ opportunityId: p.opportunityId }, () => setStarted(true))} data-testid="opportunity-review-start">
          {start.pending ? t("starting") : t("start", { kind: p.kind })}
        </Button>
      ) : null}
      {started && !start.error ? <p className="text-green-700" data-testid="opportunity-review-started">{t("startedOk")}</p> : null}
      {start.error ? <div data-testid="opportunity-review-error"><Alert>{start.error.message}</Alert></div> : null}
      <div className="flex flex-wrap items-end gap-2">
        {p.mayEditFloor ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              setSaved(false);
              floor.run({ opportunityId: p.opportunityId, floorPct: String(new FormData(e.currentTarget).get("floorPct") ?? "") }, () => setSaved(true));
            }}
          >
            <Field id="margin-floor" label={t("floor")} error={floor.fieldError("floorPct")}>
              <Input id="margin-floor" name="floorPct" type="number" min={0} max={100} step="0.1" defaultValue={p.floorPct} className="w-28" data-testid="margin-floor-input" />
            </Field>
            <Button type="submit" size="sm" variant="secondary" disabled={floor.pending}>{t("floorSave")}</Button>
            {saved && !floor.error ? <span className="text-green-700">{t("floorSaved")}</span> : null}
          </form>
        ) : (
          <span className="text-slate-500">{t("floor")}：{t("floorValue", { floor: p.floorPct })}</span>
        )}
      </div>
      {floor.error && !Object.keys(floor.error.fieldErrors ?? {}).length ? <Alert>{floor.error.message}</Alert> : null}
    </div>
  );
}
