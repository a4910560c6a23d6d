import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TaskListView } from "@/components/inbox/task-list-view";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { countOpenTasks } from "@/lib/inbox/count-open-tasks";
import { listProcessOptions } from "@/lib/inbox/list-process-options";
import { listSavedFilters } from "@/lib/inbox/list-saved-filters";
import { listTasks } from "@/lib/inbox/list-tasks";
import { getWorkbenchProfile } from "@/lib/org/get-workbench-profile";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await employeeOrRedirect();
  const db = await getDb();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const [t, list, counts, processes, savedFilters, profile] = await Promise.all([
    getTranslations(),
    listTasks(db, actor, raw),
    countOpenTasks(db, actor),
    listProcessOptions(db),
    listSavedFilters(db, actor),
    getWorkbenchProfile(actor),
  ]);
  return (
    <div>
      <PageHeader title={t("nav.inbox")}>
        <Link href="/inbox/start" className={buttonVariants({ size: "sm" })}>{t("inbox.tabs.start")}</Link>
      </PageHeader>
      <TaskListView list={list} counts={counts} processes={processes} savedFilters={savedFilters} groups={profile.groups} />
    </div>
  );
}
