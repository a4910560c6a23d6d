import { getTranslations } from "next-intl/server";
import { CustomerImport } from "@/components/crm/customer-import";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { leadImportTarget } from "@/lib/crm/leads/lead-import-target";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { readMaxUploadBytes, toMb } from "@/lib/files/upload-limit";
import { getImportRun, IMPORT_PERMISSION } from "@/lib/imports/import-run";

/** Lead import (CRM-3): the customers' importer for leads; ?run=<id> brings back an import at its step. */
export default async function LeadImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission(IMPORT_PERMISSION);
  const { run } = await searchParams;
  const t = await getTranslations("leadImport");
  const view = typeof run === "string" ? await getImportRun(await getDb(), actor, leadImportTarget, run).catch((e) => (isAppError(e) ? null : Promise.reject(e))) : null;
  const fields = leadImportTarget.fields.map((f) => ({ key: f.key, required: !!f.required }));
  return (
    <div className="space-y-4">
      <BackLink href="/crm/leads">{t("back")}</BackLink>
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <CustomerImport key={view?.id ?? "new"} target="lead" basePath="/crm/leads/import" backHref="/crm/leads" initial={view} fields={fields} maxMb={toMb(readMaxUploadBytes())} />
    </div>
  );
}
