import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormDesigner } from "@/components/form-designer/form-designer";
import { FormVersions } from "@/components/form-designer/form-versions";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getFormForEditing } from "@/lib/process-admin/forms/get-form-for-editing";
import { listFormVersions } from "@/lib/process-admin/forms/list-form-versions";
import { previewSuppliers } from "@/lib/process-admin/forms/preview-suppliers";

export default async function FormPage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await employeeWithPermission("process.design");
  const key = decodeURIComponent((await params).key);
  const db = await getDb();
  const [t, locale, initial, versions, suppliers] = await Promise.all([
    getTranslations("forms.designer"),
    getLocale(),
    getFormForEditing(db, actor, key),
    listFormVersions(db, actor, key),
    previewSuppliers(db, actor),
  ]);
  if (!initial) notFound();
  return (
    <div className="space-y-6">
      <div>
        <PageHeader title={t("title", { title: (locale === "en" ? initial.titleEn : initial.titleZh) || key })}>
          <div className="flex items-center gap-3 text-sm">
            <a href="#form-versions-title" className="text-brand-700 hover:underline">{t("history")}</a>
            <Link href="/processes/forms" className="text-brand-700 hover:underline">{t("backToList")}</Link>
          </div>
        </PageHeader>
        <FormDesigner initial={initial} suppliers={suppliers} />
      </div>
      <FormVersions formKey={key} versions={versions} />
    </div>
  );
}
