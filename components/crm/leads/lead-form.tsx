"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createLeadAction, updateLeadAction } from "@/app/(workbench)/crm/leads/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type LeadValues = Record<"companyName" | "contactName" | "phone" | "email" | "region" | "industry" | "channel" | "campaignCode" | "remark", string | null>;

/**
 * CRM-3: a lead entered by hand (the server classifies and assigns it), or an open one
 * corrected (`lead`: its values; the source is classified again when what the rules read
 * changed); then its page opens.
 */
export function LeadForm({ lead }: { lead?: { id: string } & LeadValues }) {
  const t = useTranslations("leads.form");
  const router = useRouter();
  const createLead = useAction(createLeadAction);
  const updateLead = useAction(updateLeadAction);
  const create = lead ? updateLead : createLead;
  const err = create.fieldError;
  const text = (id: keyof LeadValues, props: React.ComponentProps<typeof Input> = {}, hint?: string) => (
    <Field id={`lead-${id}`} label={t(id)} hint={hint} error={err(id)}>
      <Input id={`lead-${id}`} name={id} autoComplete="off" aria-invalid={!!err(id)} defaultValue={lead?.[id] ?? ""} {...props} />
    </Field>
  );
  return (
    <Card className="max-w-3xl">
      <form
        className="grid gap-4 sm:grid-cols-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const values = Object.fromEntries(new FormData(e.currentTarget));
          const done = ({ id }: { id: string }) => {
            router.push(`/crm/leads/${id}`);
            router.refresh();
          };
          if (lead) updateLead.run({ ...values, id: lead.id }, done);
          else createLead.run(values, done);
        }}
      >
        <div className="sm:col-span-2">{text("companyName", { maxLength: 100 })}</div>
        {text("contactName", { maxLength: 60 })}
        {text("phone", { maxLength: 40, inputMode: "tel" })}
        {text("email", { maxLength: 120, type: "email" })}
        {text("region", { maxLength: 60 }, t("regionHint"))}
        {text("industry", { maxLength: 60 })}
        {text("channel", { maxLength: 60 }, t("channelHint"))}
        {text("campaignCode", { maxLength: 40 })}
        <div className="sm:col-span-2">{text("remark", { maxLength: 1000 })}</div>
        {create.error && !Object.keys(create.error.fieldErrors ?? {}).length ? <div className="sm:col-span-2"><Alert>{create.error.message}</Alert></div> : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.pending} data-testid="lead-submit">{create.pending ? t("submitting") : lead ? t("saveChanges") : t("submit")}</Button>
        </div>
      </form>
    </Card>
  );
}
