"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { customerDuplicatesAction } from "@/app/(workbench)/crm/customers/actions";
import { convertLeadAction, disqualifyLeadAction, distributeLeadsAction, workLeadAction } from "@/app/(workbench)/crm/leads/actions";
import { useAction } from "@/components/admin/use-action";
import { CustomerDuplicates } from "@/components/crm/customer-duplicates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CustomerDuplicate } from "@/lib/crm/find-customer-duplicates";

const formError = (error: { message: string; fieldErrors?: Record<string, string> } | null) => (error && !Object.keys(error.fieldErrors ?? {}).length ? <Alert>{error.message}</Alert> : null);

/** Work noted on the lead (a call, a mail): the lead is being worked, its stale clock restarts. */
export function LeadWorkForm({ id }: { id: string }) {
  const t = useTranslations("leads.actions");
  const save = useAction(workLeadAction);
  const [done, setDone] = useState(false);
  return (
    <form
      className="space-y-2"
      data-testid="lead-work-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        setDone(false);
        save.run({ id, note: String(new FormData(form).get("note") ?? "") }, () => {
          form.reset();
          setDone(true);
        });
      }}
    >
      <Field id="lead-work-note" label={t("workNote")} error={save.fieldError("note")}>
        <Input id="lead-work-note" name="note" maxLength={1000} autoComplete="off" />
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="secondary" disabled={save.pending}>{t("workSubmit")}</Button>
        {done ? <span role="status" className="text-sm text-green-700">{t("worked")}</span> : null}
      </div>
      {formError(save.error)}
    </form>
  );
}

/**
 * One-step conversion: the customers that may be the same company are shown first (the
 * new-customer check); the user links the lead to one they see, or creates a new customer,
 * with a reason when likely duplicates exist. The customer's page opens afterwards.
 */
export function LeadConvertForm({ id, companyName }: { id: string; companyName: string }) {
  const t = useTranslations("leads.actions");
  const router = useRouter();
  const convert = useAction(convertLeadAction);
  const [matches, setMatches] = useState<CustomerDuplicate[] | null>(null);
  const [choice, setChoice] = useState("new");
  useEffect(() => {
    customerDuplicatesAction({ name: companyName })
      .then((res) => setMatches(res.ok ? res.data : []))
      .catch(() => setMatches([]));
  }, [companyName]);
  const linkable = (matches ?? []).filter((m) => m.visible);
  const likely = (matches ?? []).some((m) => m.likely);
  return (
    <form
      className="space-y-3"
      data-testid="lead-convert-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = Object.fromEntries(new FormData(e.currentTarget));
        convert.run({ ...form, id, customerId: choice === "new" ? null : choice }, (done) => router.push(`/crm/customers/${done.customerId}`));
      }}
    >
      <p className="text-sm text-slate-600">{t("convertIntro")}</p>
      {matches === null ? <p className="text-sm text-slate-500">{t("checking")}</p> : matches.length ? <CustomerDuplicates matches={matches} /> : <p className="text-sm text-slate-600" data-testid="lead-no-duplicates">{t("noDuplicates")}</p>}
      <fieldset className="space-y-1 text-sm">
        {linkable.map((m) => (
          <label key={m.id} className="flex items-center gap-2">
            <input type="radio" name="choice" value={m.id} checked={choice === m.id} onChange={() => setChoice(m.id)} data-testid="convert-link" /> {t("linkTo")}：{m.name}
          </label>
        ))}
        <label className="flex items-center gap-2">
          <input type="radio" name="choice" value="new" checked={choice === "new"} onChange={() => setChoice("new")} data-testid="convert-new" /> {t("newCustomer")}
        </label>
      </fieldset>
      {choice === "new" && likely ? (
        <Field id="convert-reason" label={t("reasonLabel")} hint={t("reasonHint")} error={convert.fieldError("duplicateReason")}>
          <Input id="convert-reason" name="duplicateReason" maxLength={200} autoComplete="off" />
        </Field>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="convert-opportunity" label={t("opportunityName")} error={convert.fieldError("opportunityName")}>
          <Input id="convert-opportunity" name="opportunityName" maxLength={100} autoComplete="off" />
        </Field>
        <Field id="convert-amount" label={t("expectedAmount")} error={convert.fieldError("expectedAmount")}>
          <Input id="convert-amount" name="expectedAmount" inputMode="decimal" maxLength={20} autoComplete="off" />
        </Field>
      </div>
      <Button type="submit" size="sm" disabled={convert.pending || matches === null} data-testid="convert-submit">{convert.pending ? t("converting") : t("convertSubmit")}</Button>
      {choice === "new" && !likely && convert.fieldError("duplicateReason") ? <Alert>{convert.fieldError("duplicateReason")}</Alert> : null}
      {formError(convert.error)}
    </form>
  );
}

/** Disqualify with the reason (required). */
export function LeadDisqualifyForm({ id }: { id: string }) {
  const t = useTranslations("leads.actions");
  const save = useAction(disqualifyLeadAction);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="lead-disqualify-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.run({ id, reason: String(new FormData(e.currentTarget).get("reason") ?? "") });
      }}
    >
      <div className="min-w-48 flex-1">
        <Field id="lead-disqualify-reason" label={t("disqualifyReason")} error={save.fieldError("reason")}>
          <Input id="lead-disqualify-reason" name="reason" maxLength={500} autoComplete="off" />
        </Field>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={save.pending} data-testid="disqualify-submit">{t("disqualifySubmit")}</Button>
      {formError(save.error)}
    </form>
  );
}

/** The sales lead gives this lead to a rep of the department. */
export function LeadAssignForm({ id, ownerId, targets }: { id: string; ownerId: string | null; targets: { id: string; label: string }[] }) {
  const t = useTranslations("leads.actions");
  const save = useAction(distributeLeadsAction);
  const [done, setDone] = useState(false);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="lead-assign-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        save.run({ ids: [id], ownerId: String(new FormData(e.currentTarget).get("ownerId") ?? "") }, () => setDone(true));
      }}
    >
      <div className="min-w-48 flex-1">
        <Field id="lead-assign-owner" label={t("assignTitle")} error={save.fieldError("ownerId")}>
          <Select id="lead-assign-owner" name="ownerId" defaultValue={ownerId ?? ""}>
            {targets.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </Select>
        </Field>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={save.pending}>{t("assignSubmit")}</Button>
      {done ? <span role="status" className="text-sm text-green-700">{t("assigned")}</span> : null}
      {formError(save.error)}
    </form>
  );
}
