import { getTranslations } from "next-intl/server";
import { PortalTaskList } from "@/components/inbox/portal-task-list";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { countTasks } from "@/lib/inbox/count-tasks";
import { listTasks } from "@/lib/inbox/list-tasks";

export default async function PortalTasks({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await supplierOrRedirect();
  const db = await getDb();
  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // A supplier has two views: open ("mine") and done; listTasks scopes both to the session's supplier.
  const view = first(sp.view) === "done" ? "done" : "mine";
  const query = { view, page: first(sp.page), sort: view === "done" ? "createdAt" : "dueAt", dir: view === "done" ? "desc" : "asc" };
  const [t, list, count] = await Promise.all([getTranslations(), listTasks(db, actor, query), countTasks(db, actor, query)]);
  return (
    <div className="space-y-3">
      <PageHeader title={t("nav.portalTasks")} />
      <Alert tone="info">{t("inbox.portal.intro", { supplier: actor.supplierName })}</Alert>
      <PortalTaskList view={view} items={list.items} page={list.query.page} pages={count.pages} total={count.total} />
    </div>
  );
}
