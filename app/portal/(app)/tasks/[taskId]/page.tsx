import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { InstanceFiles } from "@/components/inbox/instance-files";
import { RecordContext } from "@/components/inbox/record-context";
import { TaskMeta, TaskStatusBadge } from "@/components/inbox/task-meta";
import { TaskWorkSection } from "@/components/inbox/task-work-section";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { supplierOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getTaskDetail } from "@/lib/inbox/get-task-detail";
import { submitPortalTaskAction } from "../actions";

/** A portal task: another supplier's task, or one that does not exist, is the same not-found page. */
export default async function PortalTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const actor = await supplierOrRedirect();
  const db = await getDb();
  const { taskId } = await params;
  const detail = await getTaskDetail(db, actor, taskId).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const { task, instance, can } = detail;
  const t = await getTranslations("inbox");
  return (
    <div className="space-y-4">
      <BackLink href="/portal/tasks">{t("portal.back")}</BackLink>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 break-words text-xl font-semibold text-slate-900" data-testid="task-title">{task.name}</h1>
        <TaskStatusBadge status={task.status} />
      </div>
      <Card>
        <TaskMeta detail={detail} />
      </Card>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card data-testid="task-work">
            <h2 className="mb-3 text-base font-semibold">{t("task.work")}</h2>
            <TaskWorkSection taskId={task.id} form={detail.form} canComplete={can.complete} status={task.status} assigneeName={null} groupTaskUnclaimed={false} submit={submitPortalTaskAction} backHref="/portal/tasks" backLabel={t("portal.back")} />
          </Card>
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t("task.context")}</h2>
            <RecordContext items={detail.context} />
          </Card>
        </div>
        {detail.files ? (
          <Card className="min-w-0">
            <h2 className="mb-3 text-base font-semibold">{t("files.title")}</h2>
            <InstanceFiles ownerId={instance.id} files={detail.files.files} canUpload={detail.files.canUpload} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
