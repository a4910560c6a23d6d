import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SupplierChangeForm } from "@/components/srm/supplier-change-form";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { portalChangeForm } from "@/lib/srm/supplier-change/portal-changes";
import { proposePortalChangeAction } from "./actions";

/** SRM-4 in the portal: the supplier's administrator proposes a change of its own data, pre-filled with the archive. */
export default async function PortalChangeRequest() {
  const actor = await supplierOrRedirect();
  const t = await getTranslations("portalChanges");
  if (!actor.isAdmin) {
    return (
      <div className="space-y-4">
        <BackLink href="/portal/account">{t("backToAccount")}</BackLink>
        <PageHeader title={t("formTitle")} />
        <Alert tone="info">{t("adminOnly")}</Alert>
      </div>
    );
  }
  const { supplier: s, taxes, terms, pending } = await portalChangeForm(await getDb(), actor);
  const v = (x: string | null) => x ?? "";
  return (
    <div className="space-y-4">
      <BackLink href="/portal/changes">{t("back")}</BackLink>
      <PageHeader title={t("formTitle")} />
      <p className="max-w-3xl text-sm text-slate-600">{t("formIntro")}</p>
      {pending ? (
        <Alert tone="info">
          <Link href={`/portal/changes/${pending.id}`} className="underline">{t("pendingExists", { number: pending.number })}</Link>
        </Alert>
      ) : (
        <SupplierChangeForm
          action={proposePortalChangeAction}
          doneHref="/portal/changes?sent=1"
          taxes={taxes}
          terms={terms}
          defaults={{ name: s.name, taxCode: v(s.taxCode), paymentTermCode: v(s.paymentTermCode), contactName: v(s.contactName), contactPhone: v(s.contactPhone), address: v(s.address), bankName: v(s.bankName), bankAccount: v(s.bankAccount) }}
        />
      )}
    </div>
  );
}
