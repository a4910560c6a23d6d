"use client";

import { CalendarClock, Hand, Undo2, UserRoundPlus, UsersRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { claimTaskAction, unclaimTaskAction } from "@/app/(workbench)/inbox/actions";
import { assignTaskAction, setTaskDueAction } from "@/app/(workbench)/inbox/[taskId]/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { EmployeePick } from "@/lib/inbox/list-pickers";
import { textareaClass } from "./form-fields";

type Can = { claim: boolean; unclaim: boolean; delegate: boolean; reassign: boolean; setDue: boolean };

/** "2026-11-28T09:00" in Asia/Shanghai, for a datetime-local input. */
function localValue(d: Date | null): string {
  if (!d) return "";
  const shifted = new Date(new Date(d).getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

/** Claim, unclaim, delegate, reassign and due-date changes of a workbench task. */
export function TaskStaffActions({ taskId, can, employees, dueAt }: { taskId: string; can: Can; employees: EmployeePick[]; dueAt: Date | null }) {
  const t = useTranslations("inbox");
  const tc = useTranslations("common");
  const zh = useLocale() === "zh-CN";
  const claim = useAction(claimTaskAction);
  const unclaim = useAction(unclaimTaskAction);
  const assign = useAction(assignTaskAction);
  const due = useAction(setTaskDueAction);
  const [dialog, setDialog] = useState<"delegate" | "reassign" | "due" | null>(null);
  const open = (d: typeof dialog) => {
    assign.reset();
    due.reset();
    setDialog(d);
  };
  if (!can.claim && !can.unclaim && !can.delegate && !can.reassign && !can.setDue) return null;
  const error = claim.error ?? unclaim.error;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {can.claim ? (
          <Button size="sm" disabled={claim.pending} onClick={() => claim.run({ taskId })} data-testid="task-claim">
            <Hand className="h-4 w-4" aria-hidden />
            {t("actions.claim")}
          </Button>
        ) : null}
        {can.unclaim ? (
          <Button size="sm" variant="secondary" disabled={unclaim.pending} onClick={() => unclaim.run({ taskId })} data-testid="task-unclaim">
            <Undo2 className="h-4 w-4" aria-hidden />
            {t("actions.unclaim")}
          </Button>
        ) : null}
        {can.delegate ? (
          <Button size="sm" variant="secondary" onClick={() => open("delegate")} data-testid="task-delegate">
            <UserRoundPlus className="h-4 w-4" aria-hidden />
            {t("task.delegate")}
          </Button>
        ) : null}
        {can.reassign ? (
          <Button size="sm" variant="secondary" onClick={() => open("reassign")} data-testid="task-reassign">
            <UsersRound className="h-4 w-4" aria-hidden />
            {t("task.reassign")}
          </Button>
        ) : null}
        {can.setDue ? (
          <Button size="sm" variant="secondary" onClick={() => open("due")} data-testid="task-set-due">
            <CalendarClock className="h-4 w-4" aria-hidden />
            {t("task.setDue")}
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{error.message}</Alert> : null}

      <Dialog open={dialog === "delegate" || dialog === "reassign"} onOpenChange={(o) => !o && setDialog(null)}>
        {dialog === "delegate" || dialog === "reassign" ? (
          <DialogContent title={t(dialog === "delegate" ? "task.delegateTitle" : "task.reassignTitle")} description={t(dialog === "delegate" ? "task.delegateHint" : "task.reassignHint")} closeLabel={tc("close")}>
            <form
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                const fd = new FormData(e.currentTarget);
                assign.run({ taskId, mode: dialog, toEmployeeId: String(fd.get("toEmployeeId") ?? ""), reason: String(fd.get("reason") ?? "") }, () => setDialog(null));
              }}
            >
              {assign.error && !assign.error.fieldErrors?.toEmployeeId && !assign.error.fieldErrors?.reason ? <Alert>{assign.error.message}</Alert> : null}
              <Field id="assign-to" label={t("task.person")} error={assign.fieldError("toEmployeeId")}>
                <Select id="assign-to" name="toEmployeeId" defaultValue="" required aria-invalid={!!assign.fieldError("toEmployeeId")}>
                  <option value="">{t("task.choosePerson")}</option>
                  {employees.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}（{e.username}{e.departmentZh ? ` · ${zh ? e.departmentZh : e.departmentEn}` : ""}）
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="assign-reason" label={t("task.reason")} error={assign.fieldError("reason")}>
                <textarea id="assign-reason" name="reason" className={textareaClass} maxLength={500} required aria-invalid={!!assign.fieldError("reason")} />
              </Field>
              <div className="flex justify-end gap-2">
                <Button type="button" variant="secondary" onClick={() => setDialog(null)}>{tc("cancel")}</Button>
                <Button type="submit" disabled={assign.pending} data-testid="assign-confirm">{t("task.confirm")}</Button>
              </div>
            </form>
          </DialogContent>
        ) : null}
      </Dialog>

      <Dialog open={dialog === "due"} onOpenChange={(o) => !o && setDialog(null)}>
        {dialog === "due" ? (
          <DialogContent title={t("task.setDueTitle")} closeLabel={tc("close")}>
            <form
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                due.run({ taskId, dueAt: String(new FormData(e.currentTarget).get("dueAt") ?? "") }, () => setDialog(null));
              }}
            >
              {due.error && !due.error.fieldErrors?.dueAt ? <Alert>{due.error.message}</Alert> : null}
              <Field id="due-at" label={t("task.newDue")} error={due.fieldError("dueAt")}>
                <Input id="due-at" name="dueAt" type="datetime-local" defaultValue={localValue(dueAt)} required aria-invalid={!!due.fieldError("dueAt")} />
              </Field>
              <div className="flex justify-end gap-2">
                <Button type="button" variant="secondary" onClick={() => setDialog(null)}>{tc("cancel")}</Button>
                <Button type="submit" disabled={due.pending} data-testid="due-confirm">{tc("save")}</Button>
              </div>
            </form>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
