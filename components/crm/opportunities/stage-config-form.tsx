"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateStageConfigAction } from "@/app/(workbench)/crm/opportunities/stages/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** One open stage's settings: its default probability and whether leaving it needs an approved review. */
export function StageConfigForm(p: { stage: string; label: string; probability: number; requiresReview: boolean }) {
  const t = useTranslations("opportunities.stageSettings");
  const save = useAction(updateStageConfigAction);
  const [saved, setSaved] = useState(false);
  const id = `stage-${p.stage}`;
  return (
    <form
      className="flex flex-wrap items-end gap-x-6 gap-y-3 text-sm"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const form = new FormData(e.currentTarget);
        save.run({ stage: p.stage, probability: String(form.get("probability") ?? ""), requiresReview: form.get("requiresReview") === "on" }, () => setSaved(true));
      }}
    >
      <span className="w-full font-medium sm:w-28 sm:self-center">{p.label}</span>
      <Field id={`${id}-probability`} label={t("probability")} error={save.fieldError("probability")}>
        <Input id={`${id}-probability`} name="probability" type="number" min={0} max={100} step={1} defaultValue={p.probability} className="w-28" data-testid="stage-probability-input" />
      </Field>
      <label className="flex items-center gap-2 self-center">
        <input type="checkbox" name="requiresReview" className="h-4 w-4" defaultChecked={p.requiresReview} data-testid="stage-requires-review" />
        {t("requiresReview")}
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={save.pending} data-testid="stage-save">{t("save")}</Button>
      {saved && !save.error ? <span className="self-center text-green-700" data-testid="stage-saved">{t("saved")}</span> : null}
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <div className="w-full"><Alert>{save.error.message}</Alert></div> : null}
    </form>
  );
}
