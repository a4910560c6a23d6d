import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { INBOX_DEFAULT_VIEW } from "@/components/inbox/inbox-query";
import { TaskListView } from "@/components/inbox/task-list-view";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { countOpenTasks } from "@/lib/inbox/count-open-tasks";
import { listProcessOptions } from "@/lib/inbox/list-process-options";
import { listSavedFilters } from "@/lib/inbox/list-saved-filters";
import { listTasks } from "@/lib/inbox/list-tasks";
import { countTasks } from "@/lib/inbox/count-tasks";
import { logger } from "@/lib/log/logger";
import { getWorkbenchProfile } from "@/lib/org/get-workbench-profile";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await employeeOrRedirect();
  const db = await getDb();
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // Without a view in the address the inbox opens where the work is: mine and my groups' open tasks.
  const raw = { ...params, view: params.view ?? INBOX_DEFAULT_VIEW };
  // Not awaited: the page renders with its tasks; the pager's total and the tab badges stream in
  // after. A count that fails is logged and left out: it does not take the page down with it.
  const orNull = <T,>(p: Promise<T>, what: string) => p.catch((e: unknown) => (logger.error({ err: e }, `inbox ${what} failed`), null));
  const total = orNull(countTasks(db, actor, raw), "total");
  const counts = orNull(countOpenTasks(db, actor), "tab counts");
  const [t, list, processes, savedFilters, profile] = await Promise.all([
    getTranslations(),
    listTasks(db, actor, raw),
    listProcessOptions(db),
    listSavedFilters(db, actor),
    getWorkbenchProfile(actor),
  ]);
  return (
    <div>
      <PageHeader title={t("nav.inbox")}>
        <Link href="/inbox/start" className={buttonVariants({ size: "sm" })}>{t("inbox.tabs.start")}</Link>
      </PageHeader>
      <TaskListView list={list} total={total} counts={counts} processes={processes} savedFilters={savedFilters} groups={profile.groups} />
    </div>
  );
}
