import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProcessEditor } from "@/components/bpmn-editor/process-editor";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { editorOptions } from "@/lib/process-admin/editor-options";
import { getEditorDiagram } from "@/lib/process-admin/get-editor-diagram";

export default async function NewProcessPage() {
  const actor = await employeeWithPermission("process.design");
  const db = await getDb();
  const t = await getTranslations("processes");
  const [initial, options] = await Promise.all([getEditorDiagram(db, actor, null, t("editor.newName")), editorOptions(db, actor)]);
  return (
    <div>
      <PageHeader title={t("editor.newTitle")}>
        <Link href="/processes" className="text-sm text-brand-700 hover:underline">{t("backToList")}</Link>
      </PageHeader>
      <ProcessEditor initial={initial!} options={options} />
    </div>
  );
}
