"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createLiaisonFormAction } from "@/app/(workbench)/crm/liaison/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

type Dept = { id: string; code: string; name: string; headName: string };
type Stage = { seq: string; departmentId: string; task: string; mode: "days" | "date"; days: string; date: string };

/**
 * A new liaison form: its stages, each a department, a sequence number (the same number
 * runs in parallel, numbers one after another), the task and a deadline in working days
 * or a date. Starts at once; the first group's heads get their allocation tasks.
 */
export function LiaisonFormEditor({ source, departments }: { source: { requirementId: string | null; opportunityId: string; label: string }; departments: Dept[] }) {
  const t = useTranslations("liaison.form");
  const router = useRouter();
  const save = useAction(createLiaisonFormAction);
  const err = save.fieldError;
  const blank = (seq: number): Stage => ({ seq: String(seq), departmentId: "", task: "", mode: "days", days: "3", date: "" });
  const [stages, setStages] = useState<Stage[]>([blank(1)]);
  const set = (i: number, patch: Partial<Stage>) => setStages(stages.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Card className="max-w-4xl">
      <form
        className="space-y-4"
        noValidate
        data-testid="liaison-form"
        onSubmit={(e) => {
          e.preventDefault();
          const title = String(new FormData(e.currentTarget).get("title") ?? "");
          const input = {
            title,
            requirementId: source.requirementId,
            opportunityId: source.opportunityId,
            stages: stages.map((s) => ({ seq: s.seq, departmentId: s.departmentId, task: s.task, deadlineDays: s.mode === "days" ? s.days : null, deadlineDate: s.mode === "date" ? s.date : null })),
          };
          save.run(input, ({ id }) => router.push(`/crm/liaison/${id}`));
        }}
      >
        <p className="text-sm"><span className="text-slate-500">{t("source")}：</span>{source.label}</p>
        <Field id="lf-title" label={t("title")} error={err("title")}>
          <Input id="lf-title" name="title" maxLength={120} aria-invalid={!!err("title")} />
        </Field>
        <div className="space-y-3">
          <h3 className="text-sm font-medium">{t("stages")}</h3>
          <p className="text-xs text-slate-500">{t("stagesHint")}</p>
          {stages.map((s, i) => (
            <div key={i} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[5rem_1fr_2fr]" data-testid="stage-row">
              <Field id={`st-seq-${i}`} label={t("seq")} error={err(`stages.${i}.seq`)}>
                <Input id={`st-seq-${i}`} inputMode="numeric" value={s.seq} onChange={(e) => set(i, { seq: e.target.value })} />
              </Field>
              <Field id={`st-dept-${i}`} label={t("department")} error={err(`stages.${i}.departmentId`)}>
                <Select id={`st-dept-${i}`} value={s.departmentId} onChange={(e) => set(i, { departmentId: e.target.value })} data-testid="stage-department">
                  <option value="">{t("chooseDepartment")}</option>
                  {departments.map((d) => <option key={d.id} value={d.id}>{d.name}（{t("head", { name: d.headName })}）</option>)}
                </Select>
              </Field>
              <Field id={`st-task-${i}`} label={t("task")} error={err(`stages.${i}.task`)}>
                <Input id={`st-task-${i}`} value={s.task} maxLength={500} onChange={(e) => set(i, { task: e.target.value })} data-testid="stage-task" />
              </Field>
              <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
                <Field id={`st-mode-${i}`} label={t("deadline")}>
                  <Select id={`st-mode-${i}`} value={s.mode} onChange={(e) => set(i, { mode: e.target.value as Stage["mode"] })} data-testid="stage-deadline-mode">
                    <option value="days">{t("byWorkingDays")}</option>
                    <option value="date">{t("byDate")}</option>
                  </Select>
                </Field>
                {s.mode === "days" ? (
                  <Field id={`st-days-${i}`} label={t("workingDays")} error={err(`stages.${i}.deadlineDays`)}>
                    <Input id={`st-days-${i}`} inputMode="numeric" className="w-24" value={s.days} onChange={(e) => set(i, { days: e.target.value })} data-testid="stage-days" />
                  </Field>
                ) : (
                  <Field id={`st-date-${i}`} label={t("date")} error={err(`stages.${i}.deadlineDate`)}>
                    <Input id={`st-date-${i}`} type="date" value={s.date} onChange={(e) => set(i, { date: e.target.value })} data-testid="stage-date" />
                  </Field>
                )}
                {stages.length > 1 ? <Button type="button" variant="ghost" size="sm" onClick={() => setStages(stages.filter((_, j) => j !== i))}>{t("removeStage")}</Button> : null}
              </div>
            </div>
          ))}
          {err("stages") ? <p className="text-sm text-red-700" role="alert">{err("stages")}</p> : null}
          <Button type="button" variant="secondary" size="sm" data-testid="add-stage"
            onClick={() => setStages([...stages, blank(Math.max(...stages.map((s) => Number(s.seq) || 1)))])}>{t("addStage")}</Button>
        </div>
        {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
        <Button type="submit" disabled={save.pending} data-testid="liaison-submit">{save.pending ? t("submitting") : t("submit")}</Button>
      </form>
    </Card>
  );
}
