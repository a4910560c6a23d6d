"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { setThresholdsAction } from "@/app/(workbench)/crm/customers/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ContactThresholds } from "@/lib/crm/crm-settings";

/** The sales lead's days-since-contact thresholds (amber, orange, red). */
export function ContactThresholdsForm({ thresholds }: { thresholds: ContactThresholds }) {
  const t = useTranslations("crm.list");
  const save = useAction(setThresholdsAction);
  const [saved, setSaved] = useState(false);
  return (
    <Card className="max-w-2xl" data-testid="contact-thresholds">
      <h2 className="font-medium">{t("thresholds")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("thresholdsHint")}</p>
      <form
        className="grid grid-cols-3 gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.run(Object.fromEntries(new FormData(e.currentTarget)), () => setSaved(true));
        }}
      >
        {(["warn", "alert", "cold"] as const).map((k) => (
          <Field key={k} id={`th-${k}`} label={t(k)} error={save.fieldError(k)}>
            <Input id={`th-${k}`} name={k} type="number" inputMode="numeric" min={1} defaultValue={thresholds[k]} aria-invalid={!!save.fieldError(k)} />
          </Field>
        ))}
        <div className="col-span-3 flex flex-wrap items-center gap-3">
          <Button type="submit" size="sm" disabled={save.pending}>{t("saveThresholds")}</Button>
          {saved ? <span role="status" className="text-sm text-green-700">{t("thresholdsSaved")}</span> : null}
          {save.error && !save.error.fieldErrors ? <Alert>{save.error.message}</Alert> : null}
        </div>
      </form>
    </Card>
  );
}
