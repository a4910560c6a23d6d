"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { logContactAction } from "@/app/(workbench)/crm/customers/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const KINDS = ["visit", "call", "meeting", "email"] as const;
type Place = { latitude: number; longitude: number } | "locating" | "failed" | null;

/**
 * Quick contact-log entry (CRM-2, CRM-10), made for a phone: how (one tap), what, and
 * optionally the next follow-up day and, for a visit, where (when the browser gives it).
 */
export function ContactLogForm({ customerId, today }: { customerId: string; today: string }) {
  const t = useTranslations("crm.log");
  const save = useAction(logContactAction);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("visit");
  const [place, setPlace] = useState<Place>(null);
  const [saved, setSaved] = useState(false);
  const locate = () => {
    if (!("geolocation" in navigator)) return setPlace("failed");
    setPlace("locating");
    navigator.geolocation.getCurrentPosition(
      (p) => setPlace({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => setPlace("failed"),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  };
  return (
    <form
      className="space-y-3"
      noValidate
      data-testid="contact-log-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const form = e.currentTarget;
        const data = Object.fromEntries(new FormData(form));
        const where = place && typeof place === "object" ? place : {};
        save.run({ ...data, customerId, kind, ...where }, () => {
          form.reset();
          setPlace(null);
          setSaved(true);
        });
      }}
    >
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("kind")}</legend>
        <div className="grid grid-cols-4 gap-2">
          {KINDS.map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)} data-testid={`log-kind-${k}`}
              className={`h-11 rounded-md border text-sm ${kind === k ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700"}`}>
              {t(`kinds.${k}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <Field id="log-note" label={t("note")} error={save.fieldError("note")}>
        <textarea id="log-note" name="note" rows={3} maxLength={2000} aria-invalid={!!save.fieldError("note")} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none" />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="log-on" label={t("on")} error={save.fieldError("on")}>
          <Input id="log-on" name="on" type="date" max={today} defaultValue={today} />
        </Field>
        <Field id="log-next" label={t("nextFollowUp")} error={save.fieldError("nextFollowUp")}>
          <Input id="log-next" name="nextFollowUp" type="date" min={today} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" size="sm" onClick={locate} data-testid="log-locate">{t("location")}</Button>
        <span className="text-xs text-slate-600" data-testid="log-place">
          {place === "locating" ? t("locating") : place === "failed" ? t("locationFailed") : place ? t("locationOk") : null}
        </span>
      </div>
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.pending} data-testid="log-submit">{save.pending ? t("submitting") : t("submit")}</Button>
        {saved ? <span role="status" className="text-sm text-green-700">{t("saved")}</span> : null}
      </div>
    </form>
  );
}
