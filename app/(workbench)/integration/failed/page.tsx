import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { FailedWritesTable } from "@/components/integration/failed-writes-table";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { parseFailedWritesQuery, type FailedWritesQuery } from "@/lib/erp/centre/centre.schema";
import { listFailedWrites } from "@/lib/erp/centre/list-failed-writes";

const href = (q: Pick<FailedWritesQuery, "state">, page: number) => listHref("/integration/failed", { state: q.state, page });

export default async function FailedWritesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("integration.view");
  const q = parseFailedWritesQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("integration"), listFailedWrites(await getDb(), actor, q)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("tabs.failed")} />
      <p className="text-sm text-slate-600">{t("failed.intro")}</p>
      <nav className="flex flex-wrap gap-2" aria-label={t("failed.status")}>
        {(["all", "failed", "retrying"] as const).map((s) => (
          <Link
            key={s}
            href={href({ state: s }, 1)}
            aria-current={q.state === s ? "page" : undefined}
            className={cn("rounded-full border px-3 py-1 text-sm", q.state === s ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-600 hover:bg-slate-50")}
          >
            {t(`failed.state.${s}`)}
          </Link>
        ))}
      </nav>
      <FailedWritesTable rows={list.rows} canRetry={hasPermission(actor, "integration.manage")} canOpenInstance={hasPermission(actor, "process.operate")} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => href(q, p)} />
    </div>
  );
}
