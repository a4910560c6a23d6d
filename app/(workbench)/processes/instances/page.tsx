import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { InstanceStatusBadge } from "@/components/bpmn-editor/instance-status";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listInstances } from "@/lib/process-admin/list-instances";
import { parseInstanceQuery, type InstanceQuery } from "@/lib/process-admin/process-admin.schema";

const href = (q: InstanceQuery, page: number) =>
  listHref("/processes/instances", { key: q.key, bk: q.businessKey, status: q.status, starter: q.starter, from: q.from, to: q.to, page });

export default async function InstancesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("process.operate");
  const q = parseInstanceQuery(await searchParams);
  const [t, format, list] = await Promise.all([getTranslations("processes"), getFormatter(), listInstances(await getDb(), actor, q)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("instances.title")}>
        <a href={listHref("/processes/instances/export", { key: q.key, bk: q.businessKey, status: q.status, starter: q.starter, from: q.from, to: q.to })} download className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="export-instances">
          {t("export.button")}
        </a>
        <Link href="/processes" className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("backToList")}</Link>
      </PageHeader>
      <FilterForm className="sm:grid-cols-3 lg:grid-cols-7" actionsClassName="sm:col-span-3 lg:col-span-7" submitLabel={t("instances.search")} resetLabel={t("instances.reset")} resetHref="/processes/instances">
        <div className="lg:col-span-2">
          <Label htmlFor="f-key">{t("instances.process")}</Label>
          <Select id="f-key" name="key" defaultValue={q.key}>
            <option value="">{t("instances.all")}</option>
            {list.processes.map((p) => <option key={p.key} value={p.key}>{p.name} ({p.key})</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-bk">{t("instances.businessKey")}</Label>
          <Input id="f-bk" name="bk" defaultValue={q.businessKey} />
        </div>
        <div>
          <Label htmlFor="f-status">{t("instances.status")}</Label>
          <Select id="f-status" name="status" defaultValue={q.status}>
            {(["all", "running", "incident", "completed", "cancelled"] as const).map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-starter">{t("instances.starter")}</Label>
          <Input id="f-starter" name="starter" defaultValue={q.starter} />
        </div>
        <div>
          <Label htmlFor="f-from">{t("instances.from")}</Label>
          <Input id="f-from" name="from" type="date" defaultValue={q.from ?? ""} />
        </div>
        <div>
          <Label htmlFor="f-to">{t("instances.to")}</Label>
          <Input id="f-to" name="to" type="date" defaultValue={q.to ?? ""} />
        </div>
      </FilterForm>
      <TableContainer>
        <Table data-testid="instances">
          <thead>
            <tr>
              <Th>{t("instances.process")}</Th>
              <Th>{t("instances.businessKey")}</Th>
              <Th>{t("instances.status")}</Th>
              <Th>{t("instances.current")}</Th>
              <Th>{t("instances.starter")}</Th>
              <Th>{t("instances.startedAt")}</Th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 ? (
              <tr>
                <Td colSpan={6} className="text-center text-slate-500">{t("instances.empty")}</Td>
              </tr>
            ) : (
              list.rows.map((r) => (
                <tr key={r.id} data-instance-id={r.id}>
                  <Td>
                    <Link href={`/processes/instances/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.definition.name}</Link>
                    <span className="ml-1 text-xs text-slate-500">v{r.definition.version}</span>
                  </Td>
                  <Td className="font-mono text-xs">{r.businessKey ?? "—"}</Td>
                  <Td><InstanceStatusBadge status={r.status} /></Td>
                  <Td className="text-xs">{r.currentSteps.join("、") || "—"}</Td>
                  <Td>{r.starterName ?? t("versions.system")}</Td>
                  <Td className="whitespace-nowrap text-xs">{format.dateTime(r.startedAt, { dateStyle: "short", timeStyle: "short" })}</Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </TableContainer>
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
