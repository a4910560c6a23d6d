"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { claimTaskAction } from "@/app/(workbench)/inbox/actions";
import { cancelSubstitutionAction, createSubstitutionAction } from "@/app/(workbench)/inbox/substitutes/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CoveredTask } from "@/lib/inbox/list-covered-tasks";
import type { EmployeePick } from "@/lib/inbox/list-pickers";
import type { SubstitutionRow } from "@/lib/inbox/list-substitutions";
import { DateTime } from "./format-date";

const STATE_TONE: Record<SubstitutionRow["state"], string> = {
  current: "bg-green-50 text-green-700",
  upcoming: "bg-blue-50 text-blue-700",
  past: "bg-slate-100 text-slate-500",
  cancelled: "bg-slate-100 text-slate-500 line-through",
};

/** The last day of a period is the day before it ends (periods end at midnight after their last day). */
const lastDay = (endsAt: Date) => new Date(new Date(endsAt).getTime() - 1);

function Period({ row }: { row: SubstitutionRow }) {
  const t = useTranslations("inbox.substitutes");
  const format = useFormatter();
  const day = (d: Date) => format.dateTime(new Date(d), { dateStyle: "medium" });
  return <span className="text-sm text-slate-700">{t("period", { from: day(row.startsAt), to: day(lastDay(row.endsAt)) })}</span>;
}

/**
 * The work of the people the actor stands in for: their groups' open tasks and
 * their own. Claiming one (claimTask checks the substitution again) puts it in
 * the actor's 我的待办, marked as done for that person.
 */
function CoveredTasks({ tasks }: { tasks: CoveredTask[] }) {
  const t = useTranslations("inbox.substitutes");
  const claim = useAction(claimTaskAction);
  const [claimed, setClaimed] = useState<{ id: string; name: string } | null>(null);
  return (
    <Card data-testid="covered-tasks">
      <h2 className="mb-1 text-base font-semibold">{t("coveredTasks")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("coveredTasksHint")}</p>
      {claim.error ? <Alert>{claim.error.message}</Alert> : null}
      {claimed ? (
        <Alert tone="success">
          {t("claimed", { name: claimed.name })}{" "}
          <Link href={`/inbox/${claimed.id}`} className="font-medium underline" data-testid="covered-claimed-open">{t("openTask")}</Link>
        </Alert>
      ) : null}
      {tasks.length === 0 ? <p className="text-sm text-slate-500">{t("coveredNone")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {tasks.map((task) => (
          <li key={task.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid="covered-task" data-task-id={task.id}>
            <div className="min-w-0 flex-1">
              <div className="break-words font-medium text-slate-900">{task.name}</div>
              <div className="text-xs text-slate-500">
                <span className="font-mono">{task.businessKey ?? "—"}</span> · {task.processName} · <DateTime value={task.createdAt} compact />
              </div>
              <div className="text-xs text-brand-700">{t(task.assigned ? "coveredAssigned" : "coveredGroup", { name: task.forName })}</div>
            </div>
            <Button
              size="sm"
              disabled={claim.pending}
              onClick={() => {
                setClaimed(null);
                claim.run({ taskId: task.id }, () => setClaimed({ id: task.id, name: task.name }));
              }}
              data-testid="covered-claim"
            >
              {t("claim")}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function SubstitutesView({ mine, covering, coveredTasks, employees }: { mine: SubstitutionRow[]; covering: SubstitutionRow[]; coveredTasks: CoveredTask[]; employees: EmployeePick[] }) {
  const t = useTranslations("inbox.substitutes");
  const zh = useLocale() === "zh-CN";
  const create = useAction(createSubstitutionAction);
  const cancel = useAction(cancelSubstitutionAction);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <h2 className="mb-1 text-base font-semibold">{t("new")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        <form
          key={formKey}
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            const fd = new FormData(e.currentTarget);
            setSaved(false);
            create.run(
              { substituteId: String(fd.get("substituteId") ?? ""), startsOn: String(fd.get("startsOn") ?? ""), endsOn: String(fd.get("endsOn") ?? ""), reason: String(fd.get("reason") ?? "") },
              () => {
                setSaved(true);
                setFormKey((k) => k + 1);
              },
            );
          }}
        >
          {create.error && !Object.keys(create.error.fieldErrors ?? {}).length ? <Alert>{create.error.message}</Alert> : null}
          {saved ? <Alert tone="success">{t("created")}</Alert> : null}
          <Field id="sub-person" label={t("substitute")} error={create.fieldError("substituteId")}>
            <Select id="sub-person" name="substituteId" defaultValue="" aria-invalid={!!create.fieldError("substituteId")} data-testid="substitute-person">
              <option value="">{t("choose")}</option>
              {employees.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}（{e.username}{e.departmentZh ? ` · ${zh ? e.departmentZh : e.departmentEn}` : ""}）
                </option>
              ))}
            </Select>
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="sub-start" label={t("startsOn")} error={create.fieldError("startsOn")}>
              <Input id="sub-start" name="startsOn" type="date" defaultValue={today} min={today} aria-invalid={!!create.fieldError("startsOn")} />
            </Field>
            <Field id="sub-end" label={t("endsOn")} error={create.fieldError("endsOn")}>
              <Input id="sub-end" name="endsOn" type="date" min={today} aria-invalid={!!create.fieldError("endsOn")} data-testid="substitute-end" />
            </Field>
          </div>
          <Field id="sub-reason" label={t("reason")} error={create.fieldError("reason")}>
            <Input id="sub-reason" name="reason" maxLength={500} />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={create.pending} data-testid="substitute-save">{t("create")}</Button>
          </div>
        </form>
      </Card>

      <div className="space-y-4">
        <Card>
          <h2 className="mb-3 text-base font-semibold">{t("mine")}</h2>
          {cancel.error ? <Alert>{cancel.error.message}</Alert> : null}
          {mine.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
          <ul className="divide-y divide-slate-100" data-testid="my-substitutions">
            {mine.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid="substitution" data-state={s.state}>
                <span className="font-medium">{s.otherName}</span>
                <Period row={s} />
                <Badge className={cn(STATE_TONE[s.state])}>{t(`states.${s.state}`)}</Badge>
                {s.reason ? <span className="w-full text-xs text-slate-500">{s.reason}</span> : null}
                {s.state === "current" || s.state === "upcoming" ? (
                  <Button size="sm" variant="ghost" className="ml-auto" disabled={cancel.pending} onClick={() => cancel.run({ id: s.id })} aria-label={t("cancelNamed", { name: s.otherName })}>
                    {t("cancel")}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
        <Card data-testid="covering">
          <h2 className="mb-3 text-base font-semibold">{t("covering")}</h2>
          {covering.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
          <ul className="divide-y divide-slate-100">
            {covering.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="font-medium">{s.otherName}</span>
                <Period row={s} />
                <Badge className={cn(STATE_TONE[s.state])}>{t(`states.${s.state}`)}</Badge>
              </li>
            ))}
          </ul>
        </Card>
        {covering.some((s) => s.state === "current") ? <CoveredTasks tasks={coveredTasks} /> : null}
      </div>
    </div>
  );
}
