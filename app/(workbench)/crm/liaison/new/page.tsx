import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LiaisonFormEditor } from "@/components/crm/liaison/liaison-form-editor";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { liaisonFormOptions } from "@/lib/crm/liaison/liaison-form-options";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 40) ?? "";

/** A new liaison form (需求联络单, CRM-8) from `?requirement=<id>` or `?opportunity=<id>`. */
export default async function NewLiaisonFormPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const sp = await searchParams;
  const [t, options] = await Promise.all([
    getTranslations("liaison.form"),
    liaisonFormOptions(await getDb(), actor, { requirement: one(sp.requirement) || undefined, opportunity: one(sp.opportunity) || undefined }, await getLocale()).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div className="space-y-4">
      <BackLink href={options.source.requirementId ? `/crm/requirements/${options.source.requirementId}` : "/crm/requirements"}>{t("back")}</BackLink>
      <PageHeader title={t("newTitle")} />
      <LiaisonFormEditor source={options.source} departments={options.departments} />
    </div>
  );
}
