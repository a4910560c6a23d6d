"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { removeCalendarDayAction, setCalendarDayAction } from "@/app/(workbench)/admin/calendar/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useAction } from "./use-action";

/** Sets a day of the working calendar: a holiday, or a make-up working day on a weekend. */
export function CalendarDayForm() {
  const t = useTranslations("calendar");
  const router = useRouter();
  const save = useAction(setCalendarDayAction);
  const err = save.fieldError;
  return (
    <form className="grid gap-3 sm:grid-cols-5 sm:items-end" noValidate data-testid="calendar-day-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        save.run(Object.fromEntries(new FormData(form)), () => { form.reset(); router.refresh(); });
      }}>
      <Field id="cal-day" label={t("day")} error={err("day")}><Input id="cal-day" name="day" type="date" /></Field>
      <Field id="cal-kind" label={t("kind")} error={err("kind")}>
        <Select id="cal-kind" name="kind" defaultValue="holiday">
          <option value="holiday">{t("kinds.holiday")}</option>
          <option value="workday">{t("kinds.workday")}</option>
        </Select>
      </Field>
      <Field id="cal-name" label={t("nameZh")} error={err("nameZh")}><Input id="cal-name" name="nameZh" maxLength={30} /></Field>
      <Field id="cal-name-en" label={t("nameEn")} error={err("nameEn")}><Input id="cal-name-en" name="nameEn" maxLength={60} /></Field>
      <Button type="submit" disabled={save.pending}>{t("save")}</Button>
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <div className="sm:col-span-5"><Alert>{save.error.message}</Alert></div> : null}
    </form>
  );
}

export function RemoveCalendarDayButton({ day }: { day: string }) {
  const t = useTranslations("calendar");
  const router = useRouter();
  const remove = useAction(removeCalendarDayAction);
  return (
    <Button type="button" variant="ghost" size="sm" disabled={remove.pending} onClick={() => remove.run({ day }, () => router.refresh())} aria-label={t("removeDay", { day })}>
      {t("remove")}
    </Button>
  );
}
