"use client";

import { useTranslations } from "next-intl";
import { cancelReviewAction } from "@/app/(workbench)/crm/opportunities/[id]/review-actions";
import { useAction } from "@/components/admin/use-action";
import { CancelWithReason } from "../cancel-with-reason";

/** Withdraws a running review with a reason; the panel then shows it cancelled. */
export function ReviewCancel({ opportunityId, reviewId }: { opportunityId: string; reviewId: string }) {
  const t = useTranslations("opportunityReview");
  const cancel = useAction(cancelReviewAction);
  return (
    <div className="w-full">
      <CancelWithReason
        testId="opportunity-review-cancel"
        labels={{ open: t("cancel"), field: t("cancelField"), hint: t("cancelHint"), confirm: t("cancelConfirm"), keep: t("cancelKeep") }}
        pending={cancel.pending}
        error={cancel.error}
        onConfirm={(reason, close) => cancel.run({ opportunityId, reviewId, reason }, close)}
        onReset={cancel.reset}
      />
    </div>
  );
}
