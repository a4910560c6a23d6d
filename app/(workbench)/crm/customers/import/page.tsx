import { getTranslations } from "next-intl/server";
import { CustomerImport } from "@/components/crm/customer-import";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { customerImportTarget } from "@/lib/crm/customer-import-target";
import { getDb } from "@/lib/db/client";
import { getImportRun, IMPORT_PERMISSION } from "@/lib/imports/import-run";
import { readMaxUploadBytes, toMb } from "@/lib/files/upload-limit";
import { isAppError } from "@/lib/errors/app-error";

/** Customer import (issue 16): upload, map, check, run; ?run=<id> brings back an import at its step (a reload keeps the progress). */
export default async function CustomerImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission(IMPORT_PERMISSION);
  const { run } = await searchParams;
  const t = await getTranslations("crmImport");
  const view = typeof run === "string" ? await getImportRun(await getDb(), actor, customerImportTarget, run).catch((e) => (isAppError(e) ? null : Promise.reject(e))) : null;
  const fields = customerImportTarget.fields.map((f) => ({ key: f.key, required: !!f.required }));
  return (
    <div className="space-y-4">
      <BackLink href="/crm/customers">{t("back")}</BackLink>
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <CustomerImport key={view?.id ?? "new"} initial={view} fields={fields} maxMb={toMb(readMaxUploadBytes())} />
    </div>
  );
}
