import { getTranslations } from "next-intl/server";
import { PasswordChangeForm } from "@/components/portal/password-change-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { supplierSessionOrRedirect } from "@/lib/auth/guards";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

/** The own password change; the only page open while a password someone else chose is in use. */
export default async function PortalPasswordPage() {
  const actor = await supplierSessionOrRedirect();
  const t = await getTranslations("portalAccount.password");
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeader title={actor.mustChangePassword ? t("dueTitle") : t("title")} />
      {actor.mustChangePassword ? <Alert tone="info">{t("dueIntro")}</Alert> : <p className="text-sm text-slate-600">{t("intro")}</p>}
      <PasswordChangeForm due={actor.mustChangePassword} username={actor.username} minLength={MIN_PASSWORD_LENGTH} />
    </div>
  );
}
