import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditEntry } from "@/components/admin/audit-entry";
import { AuditFilters } from "@/components/admin/audit-filters";
import { PagerLinks } from "@/components/admin/pager-links";
import { Card, PageHeader } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { listAudit, parseAuditQuery, type AuditQuery } from "@/lib/audit/list-audit";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";

const href = (q: AuditQuery) => listHref("/admin/audit", { entity: q.entity, action: q.action, page: q.page });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("audit.view");
  const query = parseAuditQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("admin"), listAudit(await getDb(), actor, query)]);
  return (
    <div className="space-y-3">
      <PageHeader title={t("audit.title")} />
      <p className="text-sm text-slate-600">{t("audit.intro")}</p>
      <AuditFilters key={`${query.entity}/${query.action}`} query={query} entities={list.entities} actions={list.actions} />
      {query.entity || query.action ? (
        <Link href="/admin/audit" className="inline-block text-sm text-brand-700 hover:underline">{t("list.reset")}</Link>
      ) : null}
      {list.rows.length ? (
        <ol className="space-y-2" data-testid="audit-list">
          {list.rows.map((r) => <AuditEntry key={r.id} row={r} />)}
        </ol>
      ) : (
        <Card className="text-center text-sm text-slate-500">{t("list.empty")}</Card>
      )}
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => href({ ...query, page })} />
    </div>
  );
}
