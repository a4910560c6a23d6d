import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProcessEditor } from "@/components/bpmn-editor/process-editor";
import { Badge, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { editorOptions } from "@/lib/process-admin/editor-options";
import { getEditorDiagram } from "@/lib/process-admin/get-editor-diagram";

export default async function EditProcessPage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await employeeWithPermission("process.design");
  const key = decodeURIComponent((await params).key);
  const db = await getDb();
  const [t, initial, options] = await Promise.all([getTranslations("processes"), getEditorDiagram(db, actor, key), editorOptions(db, actor)]);
  if (!initial) notFound();
  return (
    <div>
      <PageHeader title={t("editor.title", { key })}>
        <div className="flex items-center gap-3 text-sm">
          <Badge data-testid="editor-origin">{initial.origin === "draft" ? t("editor.fromDraft") : t("editor.fromVersion", { version: initial.latestVersion ?? 0 })}</Badge>
          {initial.latestVersion ? <Link href={`/processes/${encodeURIComponent(key)}`} className="text-brand-700 hover:underline">{t("editor.history")}</Link> : null}
          <Link href="/processes" className="text-brand-700 hover:underline">{t("backToList")}</Link>
        </div>
      </PageHeader>
      <ProcessEditor initial={initial} options={options} />
    </div>
  );
}
