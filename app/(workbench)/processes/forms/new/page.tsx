import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { FormDesigner } from "@/components/form-designer/form-designer";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getFormForEditing } from "@/lib/process-admin/forms/get-form-for-editing";
import { previewSuppliers } from "@/lib/process-admin/forms/preview-suppliers";

export default async function NewFormPage() {
  const actor = await employeeWithPermission("process.design");
  const db = await getDb();
  const [t, initial, suppliers] = await Promise.all([getTranslations("forms.designer"), getFormForEditing(db, actor, null), previewSuppliers(db, actor)]);
  return (
    <div>
      <PageHeader title={t("newTitle")}>
        <Link href="/processes/forms" className="text-sm text-brand-700 hover:underline">{t("backToList")}</Link>
      </PageHeader>
      <FormDesigner initial={initial!} suppliers={suppliers} />
    </div>
  );
}
