import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getPortalAccount } from "@/lib/srm/get-portal-account";

export default async function PortalAccount() {
  const actor = await supplierOrRedirect();
  const [t, format, account] = await Promise.all([getTranslations(), getFormatter(), getPortalAccount(await getDb(), actor)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("nav.portalAccount")} />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-500">{t("auth.username")}</dt><dd data-testid="portal-username">{actor.username}</dd></div>
          <div><dt className="text-slate-500">{t("portal.supplier")}</dt><dd data-testid="portal-supplier">{actor.supplierName}</dd></div>
          <div><dt className="text-slate-500">{t("portalAccount.account.role")}</dt><dd data-testid="portal-role">{actor.isAdmin ? t("portalAccount.account.roleAdmin") : t("portalAccount.account.roleUser")}</dd></div>
          <div>
            <dt className="text-slate-500">{t("portalAccount.account.lastChanged")}</dt>
            <dd>{account.passwordChangedAt ? format.dateTime(account.passwordChangedAt, { dateStyle: "medium", timeStyle: "short" }) : t("portalAccount.account.neverChanged")}</dd>
          </div>
        </dl>
        <div className="mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-4">
          <Link href="/portal/password" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="portal-change-password">{t("portalAccount.account.changePassword")}</Link>
          {actor.isAdmin ? <Link href="/portal/account/change" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="portal-propose-change">{t("portalChanges.propose")}</Link> : null}
          {actor.isAdmin ? <Link href="/portal/account/users" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="portal-manage-users">{t("portalAccount.account.manageUsers")}</Link> : null}
        </div>
        {actor.isAdmin ? <p className="mt-2 text-xs text-slate-500">{t("portalAccount.account.manageUsersHint")}</p> : null}
      </Card>
    </div>
  );
}
