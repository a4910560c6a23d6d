"use client";

import { useTranslations } from "next-intl";
import { resubmitInitialReviewAction } from "@/app/(workbench)/srm/suppliers/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** For a registered supplier whose initial review did not pass: send it to review again. */
export function ResubmitReviewButton({ supplierId }: { supplierId: string }) {
  const t = useTranslations("srm.archive");
  const action = useAction(resubmitInitialReviewAction);
  return (
    <div className="space-y-2" data-testid="resubmit-review">
      <Alert tone="info">{t("resubmitHint")}</Alert>
      <Button size="sm" disabled={action.pending} onClick={() => action.run({ supplierId })} data-testid="resubmit-review-button">
        {t("resubmit")}
      </Button>
      {action.error ? <Alert>{action.error.message}</Alert> : null}
    </div>
  );
}
