import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ProcessDiagram } from "@/components/bpmn/process-diagram";
import { InstanceFiles } from "@/components/inbox/instance-files";
import { RecordContext } from "@/components/inbox/record-context";
import { TaskComments } from "@/components/inbox/task-comments";
import { TaskHistory } from "@/components/inbox/task-history";
import { TaskMeta, TaskStatusBadge } from "@/components/inbox/task-meta";
import { TaskStaffActions } from "@/components/inbox/task-staff-actions";
import { TaskWorkSection } from "@/components/inbox/task-work-section";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { employeeOrRedirect } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getTaskDetail } from "@/lib/inbox/get-task-detail";
import { listSupplierPicks } from "@/lib/inbox/list-pickers";
import { membersOfHeadedDepartments } from "@/lib/org/department-members";
import { submitTaskAction } from "./actions";

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card className="min-w-0" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </Card>
  );
}

export default async function TaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const actor = await employeeOrRedirect();
  const db = await getDb();
  const { taskId } = await params;
  const detail = await getTaskDetail(db, actor, taskId).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const { task, instance, can } = detail;
  const [t, suppliers, members] = await Promise.all([
    getTranslations("inbox"),
    detail.form?.fields.some((f) => f.type === "supplier") ? listSupplierPicks(db) : [],
    detail.form?.fields.some((f) => f.type === "member") ? membersOfHeadedDepartments(db, actor.id) : [],
  ]);

  return (
    <div className="space-y-4">
      <BackLink href="/inbox">{t("task.back")}</BackLink>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 break-words text-xl font-semibold text-slate-900" data-testid="task-title">{task.name}</h1>
        <TaskStatusBadge status={task.status} />
      </div>
      <Card>
        <TaskMeta detail={detail} />
      </Card>
      <TaskStaffActions taskId={task.id} can={can} dueAt={task.dueAt} />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Section title={t("task.work")} testId="task-work">
            <TaskWorkSection
              taskId={task.id}
              form={detail.form}
              canComplete={can.complete}
              status={task.status}
              assigneeName={task.assigneeName}
              groupTaskUnclaimed={can.claim}
              submit={submitTaskAction}
              backHref="/inbox"
              suppliers={suppliers}
              members={members}
            />
          </Section>
          <Section title={t("task.context")}>
            <RecordContext items={detail.context} />
          </Section>
          {detail.diagram ? (
            <Section title={t("task.diagram")}>
              <ProcessDiagram xml={detail.diagram.xml} current={detail.diagram.current} completed={detail.diagram.completed} />
            </Section>
          ) : null}
          <Section title={t("history.title")}>
            <TaskHistory entries={detail.history} />
          </Section>
        </div>
        <div className="min-w-0 space-y-4">
          {detail.files ? (
            <Section title={t("files.title")}>
              <InstanceFiles ownerId={instance.id} files={detail.files.files} canUpload={detail.files.canUpload} />
            </Section>
          ) : null}
          <Section title={t("comments.title")}>
            <TaskComments taskId={task.id} comments={detail.comments} canComment={can.comment} />
          </Section>
        </div>
      </div>
    </div>
  );
}
