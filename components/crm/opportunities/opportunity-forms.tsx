"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { moveOpportunityAction, updateOpportunityAction } from "@/app/(workbench)/crm/opportunities/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

/** Move the opportunity to another stage; lost asks for the reason. A refusal (a review needed first) is shown and changes nothing. */
export function StageMoveForm({ id, stage, stages }: { id: string; stage: string; stages: string[] }) {
  const t = useTranslations("opportunities");
  const router = useRouter();
  const move = useAction(moveOpportunityAction);
  const [target, setTarget] = useState(stage);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="stage-move-form"
      onSubmit={(e) => {
        e.preventDefault();
        const reason = String(new FormData(e.currentTarget).get("lostReason") ?? "");
        move.run({ id, stage: target, lostReason: reason || null }, () => router.refresh());
      }}
    >
      <div className="w-40">
        <Field id="o-stage-move" label={t("detail.moveTo")}>
          <Select id="o-stage-move" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="stage-select">
            {stages.map((s) => <option key={s} value={s}>{t(`stages.${s}`)}</option>)}
          </Select>
        </Field>
      </div>
      {target === "lost" ? (
        <div className="min-w-48 flex-1">
          <Field id="o-lost-reason" label={t("detail.lostReason")} error={move.fieldError("lostReason")}>
            <Input id="o-lost-reason" name="lostReason" maxLength={500} autoComplete="off" data-testid="lost-reason" />
          </Field>
        </div>
      ) : null}
      <Button type="submit" size="sm" variant="secondary" disabled={move.pending || target === stage} data-testid="stage-move-submit">{t("detail.move")}</Button>
      {move.error && !move.fieldError("lostReason") ? <div className="w-full" data-testid="stage-move-error"><Alert>{move.error.message}</Alert></div> : null}
    </form>
  );
}

/** Name, expected close date, probability, note and, while open (currencies offered), the currency. */
export function OpportunityEditForm(p: { id: string; name: string; expectedCloseDate: string | null; probability: number; note: string | null; currencyCode: string; currencies: { code: string; name: string }[] }) {
  const { id, name, expectedCloseDate, probability, note } = p;
  const t = useTranslations("opportunities.detail");
  const save = useAction(updateOpportunityAction);
  const [done, setDone] = useState(false);
  return (
    <form
      className="space-y-2"
      data-testid="opportunity-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        save.run({ id, ...Object.fromEntries(new FormData(e.currentTarget)) }, () => setDone(true));
      }}
    >
      <div className="grid gap-2 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <Field id="oe-name" label={t("name")} error={save.fieldError("name")}>
            <Input id="oe-name" name="name" defaultValue={name} maxLength={100} autoComplete="off" />
          </Field>
        </div>
        <Field id="oe-close" label={t("expectedClose")} error={save.fieldError("expectedCloseDate")}>
          <Input id="oe-close" name="expectedCloseDate" type="date" defaultValue={expectedCloseDate ?? ""} />
        </Field>
        <Field id="oe-prob" label={t("probability")} hint={t("probabilityHint")} error={save.fieldError("probability")}>
          <Input id="oe-prob" name="probability" inputMode="numeric" defaultValue={String(probability)} maxLength={3} />
        </Field>
        {p.currencies.length ? (
          <Field id="oe-currency" label={t("currency")} error={save.fieldError("currencyCode")}>
            <Select id="oe-currency" name="currencyCode" defaultValue={p.currencyCode} data-testid="opportunity-edit-currency">
              {p.currencies.map((c) => <option key={c.code} value={c.code}>{c.name}（{c.code}）</option>)}
              {p.currencies.some((c) => c.code === p.currencyCode) ? null : <option value={p.currencyCode}>{p.currencyCode}</option>}
            </Select>
          </Field>
        ) : null}
      </div>
      <Field id="oe-note" label={t("note")} error={save.fieldError("note")}>
        <textarea id="oe-note" name="note" defaultValue={note ?? ""} maxLength={2000} rows={3} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="secondary" disabled={save.pending}>{t("save")}</Button>
        {done ? <span role="status" className="text-sm text-green-700">{t("saved")}</span> : null}
      </div>
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
    </form>
  );
}
