"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startOpportunityRequirementReviewAction, startRequirementReviewAction } from "@/app/(workbench)/crm/requirements/actions";
import { useAction } from "@/components/admin/use-action";
import { Button } from "@/components/ui/button";

/**
 * Starts a requirement review (CRM-7). With `requirementId`, that requirement's; with
 * `opportunityId` (the opportunity list's row button), the opportunity's latest draft
 * requirement's, or, when it has none, opens a new requirement for the opportunity.
 */
export function StartRequirementReviewButton({ requirementId, opportunityId, size = "sm" }: { requirementId?: string; opportunityId?: string; size?: "sm" | "md" }) {
  const t = useTranslations("requirements.review");
  const router = useRouter();
  const one = useAction(startRequirementReviewAction);
  const byOpp = useAction(startOpportunityRequirementReviewAction);
  const pending = one.pending || byOpp.pending;
  const error = one.error ?? byOpp.error;
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        size={size}
        variant="secondary"
        disabled={pending}
        data-testid="start-requirement-review"
        onClick={() => {
          if (requirementId) one.run({ id: requirementId }, () => router.refresh());
          else if (opportunityId)
            byOpp.run({ opportunityId }, (started) => router.push(started ? `/crm/requirements/${started.requirementId}` : `/crm/requirements/new?opportunity=${opportunityId}`));
        }}
      >
        {pending ? t("starting") : t("start")}
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error.message}</span> : null}
    </span>
  );
}
