import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { opLabel } from "@/components/integration/op-label";
import { SyncLogTable } from "@/components/integration/sync-log-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { LOG_DIRECTIONS, LOG_STATUSES, parseSyncLogQuery, type SyncLogQuery } from "@/lib/erp/centre/centre.schema";
import { listSyncLog } from "@/lib/erp/centre/list-sync-log";

function href(q: SyncLogQuery, page: number) {
  const p = new URLSearchParams();
  if (q.direction !== "all") p.set("dir", q.direction);
  if (q.status !== "all") p.set("status", q.status);
  if (q.operation) p.set("op", q.operation);
  if (q.from) p.set("from", q.from);
  if (q.to) p.set("to", q.to);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return `/integration/log${s ? `?${s}` : ""}`;
}

export default async function SyncLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("integration.view");
  const q = parseSyncLogQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("integration"), listSyncLog(await getDb(), actor, q)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("tabs.log")} />
      <form method="get" className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6" role="search">
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
        <div className="col-span-2 flex items-end gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={buttonVariants({ size: "sm" })}>{t("log.filter")}</button>
          <Link href="/integration/log" className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("log.reset")}</Link>
        </div>
      </form>
      <SyncLogTable rows={list.rows} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
