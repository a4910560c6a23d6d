import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PortalChangeCard } from "@/components/portal/portal-changes";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listPortalChanges } from "@/lib/srm/supplier-change/portal-changes";

/** SRM-4 in the portal: the supplier's own change requests (scoped to the session's supplier in lib/). */
export default async function PortalChanges({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const actor = await supplierOrRedirect();
  const [t, changes, { sent }] = await Promise.all([getTranslations("portalChanges"), listPortalChanges(await getDb(), actor), searchParams]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        {actor.isAdmin ? <Link href="/portal/account/change" className={buttonVariants({ size: "sm" })} data-testid="portal-change-start">{t("propose")}</Link> : null}
      </PageHeader>
      <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      {sent ? <Alert tone="success">{t("sent")}</Alert> : null}
      {changes.length === 0 ? (
        <Card><p className="text-sm text-slate-600">{t("none")}</p></Card>
      ) : (
        <ul className="space-y-3">
          {changes.map((c) => (
            <li key={c.id}><PortalChangeCard change={c} link /></li>
          ))}
        </ul>
      )}
    </div>
  );
}
