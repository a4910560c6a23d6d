"use client";

import { CalendarClock, Hand, Search, Undo2, UserRoundPlus, UsersRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { claimTaskAction, unclaimTaskAction } from "@/app/(workbench)/inbox/actions";
import { assignTaskAction, setTaskDueAction } from "@/app/(workbench)/inbox/[taskId]/actions";
import { listDelegatePicksAction } from "@/app/(workbench)/inbox/[taskId]/picker-actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { PersonPick, PickSection } from "@/lib/inbox/list-pickers";
import { textareaClass } from "./form-fields";

type Can = { claim: boolean; unclaim: boolean; delegate: boolean; reassign: boolean; setDue: boolean };

/** "2026-11-28T09:00" in Asia/Shanghai, for a datetime-local input. */
function localValue(d: Date | null): string {
  if (!d) return "";
  const shifted = new Date(new Date(d).getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

/** Matches a search as people type it: part of the name or user name, the pinyin ("lina"), or its initials ("ln"). */
function matches(p: PersonPick, q: string): boolean {
  if (!q) return true;
  const lower = q.toLowerCase().replace(/\s+/g, "");
  return p.name.includes(q) || p.username.includes(lower) || p.pinyin.includes(lower) || p.initials.startsWith(lower);
}

/**
 * Whom to hand the task to: the people listDelegatePicks offers (the task's
 * groups first, then the actor's department, then the other departments),
 * loaded when the dialog opens, narrowed by a search.
 */
function PersonPicker({ id, taskId, value, onChange, invalid }: { id: string; taskId: string; value: string; onChange: (id: string) => void; invalid: boolean }) {
  const t = useTranslations("inbox.task");
  const tErrors = useTranslations("errors");
  const zh = useLocale() === "zh-CN";
  const [sections, setSections] = useState<PickSection[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [q, setQ] = useState("");
  useEffect(() => {
    let live = true;
    listDelegatePicksAction({ taskId })
      .then((res) => {
        if (!live) return;
        if (res.ok) setSections(res.data);
        else setLoadError(res.error.message);
      })
      .catch(() => live && setLoadError(tErrors("internal")));
    return () => {
      live = false;
    };
  }, [taskId, tErrors]);

  const heading = (s: PickSection) => {
    const name = (zh ? s.nameZh : s.nameEn) ?? "";
    if (s.kind === "group") return t("pickGroup", { name });
    if (s.kind === "ownDepartment") return t("pickOwnDepartment", { name });
    if (s.kind === "noDepartment") return t("pickNoDepartment");
    return name;
  };
  const shown = (sections ?? []).map((s) => ({ ...s, people: s.people.filter((p) => matches(p, q.trim())) })).filter((s) => s.people.length > 0);

  if (loadError) return <Alert>{loadError}</Alert>;
  return (
    <div className="space-y-2">
      <div className="relative">
        <Search className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <Input id={id} type="search" className="pl-9" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchPerson")} aria-label={t("searchPerson")} data-testid="person-search" />
      </div>
      <div role="radiogroup" aria-label={t("person")} aria-invalid={invalid} className={cn("max-h-72 overflow-y-auto rounded-md border", invalid ? "border-red-500" : "border-slate-300")} data-testid="person-picker">
        {sections === null ? <p className="p-3 text-sm text-slate-500">{t("loadingPeople")}</p> : null}
        {sections !== null && shown.length === 0 ? <p className="p-3 text-sm text-slate-500">{t("noPeople")}</p> : null}
        {shown.map((s, i) => (
          <div key={`${s.kind}-${s.nameZh ?? i}`} role="group" aria-label={heading(s)} data-testid="picker-section" data-kind={s.kind}>
            <p className="sticky top-0 border-b border-slate-100 bg-slate-50 px-3 py-1 text-xs font-semibold text-slate-600">{heading(s)}</p>
            <ul>
              {s.people.map((p) => (
                <li key={p.id}>
                  <label className={cn("flex cursor-pointer items-center gap-2 px-3 py-2 text-sm hover:bg-slate-50", value === p.id && "bg-brand-50")} data-testid="picker-person" data-username={p.username}>
                    <input type="radio" name="toEmployeeId" value={p.id} checked={value === p.id} onChange={() => onChange(p.id)} className="h-4 w-4 shrink-0" />
                    <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{p.name}</span>
                    <span className="shrink-0 text-xs text-slate-500">{p.username}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}

/** Claim, unclaim, delegate, reassign and due-date changes of a workbench task; the person picker loads its task-aware list when opened. */
export function TaskStaffActions({ taskId, can, dueAt }: { taskId: string; can: Can; dueAt: Date | null }) {
  const t = useTranslations("inbox");
  const tc = useTranslations("common");
  const [toEmployeeId, setToEmployeeId] = useState("");
  const claim = useAction(claimTaskAction);
  const unclaim = useAction(unclaimTaskAction);
  const assign = useAction(assignTaskAction);
  const due = useAction(setTaskDueAction);
  const [dialog, setDialog] = useState<"delegate" | "reassign" | "due" | null>(null);
  const open = (d: typeof dialog) => {
    assign.reset();
    due.reset();
    setToEmployeeId("");
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
                assign.run({ taskId, mode: dialog, toEmployeeId, reason: String(fd.get("reason") ?? "") }, () => setDialog(null));
              }}
            >
              {assign.error && !assign.error.fieldErrors?.toEmployeeId && !assign.error.fieldErrors?.reason ? <Alert>{assign.error.message}</Alert> : null}
              <Field id="assign-to" label={t("task.person")} error={assign.fieldError("toEmployeeId")}>
                <PersonPicker id="assign-to" taskId={taskId} value={toEmployeeId} onChange={setToEmployeeId} invalid={!!assign.fieldError("toEmployeeId")} />
              </Field>
              <Field id="assign-reason" label={t("task.reason")} error={assign.fieldError("reason")}>
                <textarea id="assign-reason" name="reason" className={textareaClass} maxLength={500} required aria-invalid={!!assign.fieldError("reason")} />
              </Field>
              <div className="flex justify-end gap-2">
                <Button type="button" variant="secondary" onClick={() => setDialog(null)}>{tc("cancel")}</Button>
                <Button type="submit" disabled={assign.pending || !toEmployeeId} data-testid="assign-confirm">{t("task.confirm")}</Button>
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
