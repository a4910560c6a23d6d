"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-client";
import type { SupplierPick } from "@/lib/inbox/list-pickers";
import type { MemberPick } from "@/lib/org/department-members";
import type { FormDefinition } from "@/lib/workflow/forms";
import { TaskForm } from "./task-form";

type SubmitAction = (input: { taskId: string; data: Record<string, unknown> }) => Promise<ActionResult<unknown>>;

/** The "work on it" part of a task page: the form when the user may complete it, else why not. */
export function TaskWorkSection(props: {
  taskId: string;
  form: FormDefinition | null;
  canComplete: boolean;
  status: "open" | "completed" | "cancelled";
  assigneeName: string | null;
  groupTaskUnclaimed: boolean;
  submit: SubmitAction;
  backHref: string;
  /** The back link's words: the portal's own ("返回我的任务"), staff's by default. */
  backLabel?: string;
  suppliers?: SupplierPick[];
  members?: MemberPick[];
}) {
  const t = useTranslations("inbox.task");
  const router = useRouter();
  const [done, setDone] = useState(false);
  const finished = () => {
    setDone(true);
    // The rest of the page (status, assignee, history, staff actions) is the server's: fetch it anew.
    router.refresh();
  };

  if (done) {
    return (
      <div className="space-y-3">
        <Alert tone="success"><span data-testid="task-done">{t("completed")}</span></Alert>
        <Link href={props.backHref} className={buttonVariants({ size: "sm", variant: "secondary" })}>{props.backLabel ?? t("back")}</Link>
      </div>
    );
  }
  if (props.status !== "open") return <Alert tone="info">{t("closed", { status: t(`status.${props.status}`) })}</Alert>;
  if (!props.canComplete) return <Alert tone="info">{t("notYours", { name: props.assigneeName ?? "—" })}</Alert>;
  return (
    <div className="space-y-3">
      {props.groupTaskUnclaimed ? <p className="text-sm text-slate-600">{t("notClaimed")}</p> : null}
      <TaskForm taskId={props.taskId} form={props.form} submit={props.submit} suppliers={props.suppliers} members={props.members} onDone={finished} />
    </div>
  );
}
