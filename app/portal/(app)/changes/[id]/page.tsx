import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PortalChangeCard } from "@/components/portal/portal-changes";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getPortalChange } from "@/lib/srm/supplier-change/portal-changes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One change request of the session's supplier; another supplier's is not found. */
export default async function PortalChange({ params }: { params: Promise<{ id: string }> }) {
  const actor = await supplierOrRedirect();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const t = await getTranslations("portalChanges");
  const change = await getPortalChange(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <BackLink href="/portal/changes">{t("back")}</BackLink>
      <PageHeader title={t("detailTitle", { number: change.number })} />
      <PortalChangeCard change={change} />
    </div>
  );
}
