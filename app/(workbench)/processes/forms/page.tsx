import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { ListTable, Td } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listForms } from "@/lib/process-admin/forms/list-forms";

const SOURCES = new Set(["shipped", "editor", "import"]);

export default async function FormsPage() {
  const actor = await employeeWithPermission("process.design");
  const [t, format, locale, rows] = await Promise.all([getTranslations("forms.list"), getFormatter(), getLocale(), listForms(await getDb(), actor)]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const columns = [t("key"), t("name"), t("latest"), t("state"), t("updated"), t("actions")].map((label) => ({ label }));
  return (
    <div>
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          <Link href="/processes" className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("processes")}</Link>
          <Link href="/processes/forms/new" className={buttonVariants({ size: "sm" })}>{t("new")}</Link>
        </div>
      </PageHeader>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <ListTable testId="forms" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <Td label={t("key")} className="font-mono text-xs">{r.key}</Td>
            <Td label={t("name")}>{locale === "en" ? r.titleEn : r.titleZh}</Td>
            <Td label={t("latest")} className="tabular-nums">{r.latestVersion ? `v${r.latestVersion}` : "—"}</Td>
            <Td label={t("state")}>
              <span className="flex flex-wrap gap-1">
                {r.latestVersion ? <Badge className="bg-green-100 text-green-800">{t("published")}</Badge> : <Badge>{t("unpublished")}</Badge>}
                {r.draft ? <Badge className="bg-amber-100 text-amber-800" title={r.draft.updatedBy ? t("draftBy", { name: r.draft.updatedBy }) : undefined}>{t("draft")}</Badge> : null}
                {r.source && SOURCES.has(r.source) ? <span className="text-xs text-slate-500">{t(`source.${r.source as "shipped"}`)}</span> : null}
              </span>
            </Td>
            <Td label={t("updated")} className="whitespace-nowrap text-xs">{when(r.updatedAt)}</Td>
            <Td label={t("actions")}>
              <Link href={`/processes/forms/${encodeURIComponent(r.key)}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("edit")}</Link>
            </Td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
