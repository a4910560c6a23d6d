import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MigrateButton, RollbackButton } from "@/components/bpmn-editor/version-actions";
import { buttonVariants } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge, PageHeader } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listVersions } from "@/lib/process-admin/list-versions";

export default async function ProcessVersionsPage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await employeeWithPermission("process.design");
  const key = decodeURIComponent((await params).key);
  const [t, format, data] = await Promise.all([getTranslations("processes"), getFormatter(), listVersions(await getDb(), actor, key)]);
  if (!data) notFound();
  const canOperate = hasPermission(actor, "process.operate");
  const latest = data.versions[0];
  const enc = encodeURIComponent(key);
  return (
    <div className="space-y-4">
      <PageHeader title={`${data.name} · ${key}`}>
        <div className="flex flex-wrap gap-2">
          <Link href={`/processes/${enc}/edit`} className={buttonVariants({ size: "sm" })}>{t("versions.edit")}</Link>
          {latest ? <Link href={`/processes/${enc}/heatmap?version=${latest.version}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("versions.heatmap")}</Link> : null}
          {canOperate ? <Link href={`/processes/instances?key=${enc}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>{t("list.instances")}</Link> : null}
          <Link href="/processes" className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("backToList")}</Link>
        </div>
      </PageHeader>
      {data.draft ? (
        <Alert tone="info">
          {t("versions.draftPending", { by: data.draft.updatedBy ?? "—", at: format.dateTime(data.draft.updatedAt, { dateStyle: "short", timeStyle: "short" }) })}
        </Alert>
      ) : null}

      <TableContainer>
        <Table data-testid="versions">
          <thead>
            <tr>
              <Th>{t("versions.version")}</Th>
              <Th>{t("versions.publishedAt")}</Th>
              <Th>{t("versions.publishedBy")}</Th>
              <Th>{t("list.source")}</Th>
              <Th>{t("versions.instances")}</Th>
              <Th>{t("list.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.versions.map((v) => (
              <tr key={v.id} data-version={v.version}>
                <Td className="whitespace-nowrap font-medium">
                  v{v.version}
                  {v === latest ? <Badge className="ml-2 bg-green-100 text-green-800">{t("versions.current")}</Badge> : null}
                  <span className="ml-2 font-mono text-xs text-slate-400">{v.sha}</span>
                </Td>
                <Td className="whitespace-nowrap text-xs">{v.publishedAt ? format.dateTime(v.publishedAt, { dateStyle: "short", timeStyle: "short" }) : "—"}</Td>
                <Td>{v.publishedBy ?? t("versions.system")}</Td>
                <Td>{t(`source.${v.source === "shipped" ? "shipped" : "editor"}`)}</Td>
                <Td className="text-xs">{t("versions.counts", { running: v.running, incident: v.incident, completed: v.completed, cancelled: v.cancelled })}</Td>
                <Td>
                  <div className="flex flex-wrap items-start gap-1">
                    <Link href={`/processes/${enc}/heatmap?version=${v.version}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("versions.heatmap")}</Link>
                    {v !== latest ? <Link href={`/processes/${enc}/diff?a=${v.version}&b=${latest.version}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("versions.compareLatest")}</Link> : null}
                    {v !== latest ? <RollbackButton processKey={key} version={v.version} /> : null}
                    {v !== latest && canOperate && v.running > 0 ? <MigrateButton processKey={key} fromVersion={v.version} toVersion={latest.version} /> : null}
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableContainer>

      {data.versions.length > 1 ? (
        <form action={`/processes/${enc}/diff`} method="get" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3">
          <div>
            <Label htmlFor="diff-a">{t("versions.compareFrom")}</Label>
            <Select id="diff-a" name="a" defaultValue={String(data.versions[1].version)} className="w-28">
              {data.versions.map((v) => <option key={v.id} value={v.version}>v{v.version}</option>)}
            </Select>
          </div>
          <div>
            <Label htmlFor="diff-b">{t("versions.compareTo")}</Label>
            <Select id="diff-b" name="b" defaultValue={String(latest.version)} className="w-28">
              {data.versions.map((v) => <option key={v.id} value={v.version}>v{v.version}</option>)}
            </Select>
          </div>
          <button type="submit" className={buttonVariants({ variant: "secondary", size: "md" })}>{t("versions.compare")}</button>
        </form>
      ) : null}
    </div>
  );
}
