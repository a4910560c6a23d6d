import { getTranslations } from "next-intl/server";
import { PagerLinks } from "@/components/admin/pager-links";
import { opLabel } from "@/components/integration/op-label";
import { SyncLogTable } from "@/components/integration/sync-log-table";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { LOG_DIRECTIONS, LOG_STATUSES, parseSyncLogQuery, type SyncLogQuery } from "@/lib/erp/centre/centre.schema";
import { listSyncLog } from "@/lib/erp/centre/list-sync-log";

const href = (q: SyncLogQuery, page: number) => listHref("/integration/log", { dir: q.direction, status: q.status, op: q.operation, from: q.from, to: q.to, page });

export default async function SyncLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("integration.view");
  const q = parseSyncLogQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("integration"), listSyncLog(await getDb(), actor, q)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("tabs.log")} />
      <FilterForm className="grid-cols-2 sm:grid-cols-3 lg:grid-cols-6" actionsClassName="col-span-2 sm:col-span-3 lg:col-span-6" submitLabel={t("log.filter")} resetLabel={t("log.reset")} resetHref="/integration/log">
        <div>
          <Label htmlFor="f-dir">{t("log.direction")}</Label>
          <Select id="f-dir" name="dir" defaultValue={q.direction}>
            {(["all", ...LOG_DIRECTIONS] as const).map((d) => <option key={d} value={d}>{t(`direction.${d}`)}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-status">{t("log.status")}</Label>
          <Select id="f-status" name="status" defaultValue={q.status}>
            {(["all", ...LOG_STATUSES] as const).map((s) => <option key={s} value={s}>{t(`result.${s}`)}</option>)}
          </Select>
        </div>
        <div className="col-span-2 sm:col-span-1 lg:col-span-2">
          <Label htmlFor="f-op">{t("log.operation")}</Label>
          <Select id="f-op" name="op" defaultValue={q.operation}>
            <option value="">{t("log.allOperations")}</option>
            {list.operations.map((op) => <option key={op} value={op}>{opLabel(t, op)}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-from">{t("log.from")}</Label>
          <Input id="f-from" name="from" type="date" defaultValue={q.from ?? ""} />
        </div>
        <div>
          <Label htmlFor="f-to">{t("log.to")}</Label>
          <Input id="f-to" name="to" type="date" defaultValue={q.to ?? ""} />
        </div>
      </FilterForm>
      <SyncLogTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
