import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listDefinitions } from "@/lib/process-admin/list-definitions";

export default async function ProcessesPage() {
  const actor = await employeeWithPermission("process.design");
  const [t, tForms, format, rows] = await Promise.all([getTranslations("processes"), getTranslations("forms.list"), getFormatter(), listDefinitions(await getDb(), actor)]);
  const canOperate = hasPermission(actor, "process.operate");
  const enc = encodeURIComponent;
  return (
    <div>
      <PageHeader title={t("list.title")}>
        <div className="flex flex-wrap gap-2">
          <Link href="/processes/forms" className={buttonVariants({ variant: "secondary", size: "sm" })}>{tForms("title")}</Link>
          {canOperate ? <Link href="/processes/instances" className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("list.instances")}</Link> : null}
          <Link href="/processes/new" className={buttonVariants({ size: "sm" })}>{t("list.new")}</Link>
        </div>
      </PageHeader>
      <p className="mb-3 text-sm text-slate-600">{t("list.intro")}</p>
      <TableContainer>
        <Table data-testid="definitions">
          <thead>
            <tr>
              <Th>{t("list.key")}</Th>
              <Th>{t("list.name")}</Th>
              <Th>{t("list.versions")}</Th>
              <Th>{t("list.running")}</Th>
              <Th>{t("list.source")}</Th>
              <Th>{t("list.published")}</Th>
              <Th>{t("list.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <Td colSpan={7} className="text-center text-slate-500">{t("list.empty")}</Td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.key} data-key={r.key}>
                  <Td className="font-mono text-xs">{r.key}</Td>
                  <Td>
                    {r.name}
                    {r.draftAt ? <Badge className="ml-2 bg-amber-100 text-amber-800">{t("list.draft")}</Badge> : null}
                  </Td>
                  <Td className="tabular-nums">{r.latestVersion ? `v${r.latestVersion}` : "—"}</Td>
                  <Td className="text-xs">
                    {r.versions.filter((v) => v.running > 0).map((v) => `v${v.version}: ${v.running}`).join(" · ") || "0"}
                  </Td>
                  <Td>{t(`source.${r.source === "shipped" ? "shipped" : "editor"}`)}</Td>
                  <Td className="whitespace-nowrap text-xs">{r.publishedAt ? format.dateTime(r.publishedAt, { dateStyle: "short", timeStyle: "short" }) : "—"}</Td>
                  <Td className="whitespace-nowrap">
                    <div className="flex gap-1">
                      <Link href={`/processes/${enc(r.key)}/edit`} className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("list.edit")}</Link>
                      {r.latestVersion ? <Link href={`/processes/${enc(r.key)}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("list.history")}</Link> : null}
                      {r.latestVersion && canOperate ? <Link href={`/processes/instances?key=${enc(r.key)}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("list.instances")}</Link> : null}
                    </div>
                  </Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </TableContainer>
    </div>
  );
}
