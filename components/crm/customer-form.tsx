"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { createCustomerAction, customerDuplicatesAction } from "@/app/(workbench)/crm/customers/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CustomerDuplicate } from "@/lib/crm/find-customer-duplicates";
import { CustomerDuplicates } from "./customer-duplicates";

const LEVELS = ["A", "B", "C"];

/**
 * CRM-1: a new customer. While the name (or credit code) is typed, customers that may
 * be the same company are looked up and shown with their owner and the reason; with a
 * likely duplicate, saving needs a reason (the server decides, this form only asks).
 */
export function CustomerForm() {
  const t = useTranslations("crm.form");
  const router = useRouter();
  const create = useAction(createCustomerAction);
  const err = create.fieldError;
  const [name, setName] = useState("");
  const [creditCode, setCreditCode] = useState("");
  const [matches, setMatches] = useState<CustomerDuplicate[]>([]);
  const [, startLookup] = useTransition();

  useEffect(() => {
    const q = name.trim();
    if (q.length < 2 && creditCode.trim().length < 18) return;
    const timer = setTimeout(() => {
      startLookup(async () => {
        const res = await customerDuplicatesAction({ name: q, creditCode: creditCode.trim() || undefined }).catch(() => null);
        setMatches(res?.ok ? res.data : []);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [name, creditCode]);

  const shown = name.trim().length >= 2 || creditCode.trim().length >= 18 ? matches : [];
  const likely = shown.some((m) => m.likely);
  const text = (id: string, label: string, props: React.ComponentProps<typeof Input> = {}, hint?: string) => (
    <Field id={`cu-${id}`} label={label} hint={hint} error={err(id)}>
      <Input id={`cu-${id}`} name={id} autoComplete="off" aria-invalid={!!err(id)} {...props} />
    </Field>
  );

  return (
    <Card className="max-w-3xl">
      <form
        className="grid gap-4 sm:grid-cols-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = Object.fromEntries(new FormData(e.currentTarget));
          create.run({ ...form, sharedWithTeam: form.sharedWithTeam === "on" }, ({ id }) => router.push(`/crm/customers/${id}`));
        }}
      >
        <div className="sm:col-span-2">{text("name", t("name"), { maxLength: 100, value: name, onChange: (e) => setName(e.target.value) })}</div>
        {shown.length ? <div className="sm:col-span-2"><CustomerDuplicates matches={shown} /></div> : null}
        {likely ? <div className="sm:col-span-2">{text("duplicateReason", t("reasonLabel"), { maxLength: 200 }, t("reasonHint"))}</div> : null}
        {text("creditCode", t("creditCode"), { maxLength: 30, value: creditCode, onChange: (e) => setCreditCode(e.target.value), autoCapitalize: "characters" }, t("creditHint"))}
        <Field id="cu-level" label={t("level")} error={err("level")}>
          <Select id="cu-level" name="level" defaultValue="">
            <option value="">{t("noLevel")}</option>
            {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </Select>
        </Field>
        {text("industry", t("industry"), { maxLength: 60 })}
        {text("region", t("region"), { maxLength: 60 })}
        {text("contactName", t("contactName"), { maxLength: 60 })}
        {text("contactPhone", t("contactPhone"), { maxLength: 40, inputMode: "tel" })}
        <div className="sm:col-span-2">{text("address", t("address"), { maxLength: 200 })}</div>
        <div className="sm:col-span-2">{text("tags", t("tags"), { maxLength: 200 }, t("tagsHint"))}</div>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="sharedWithTeam" className="h-4 w-4" /> {t("shared")}
        </label>
        {create.error && !Object.keys(create.error.fieldErrors ?? {}).length ? <div className="sm:col-span-2"><Alert>{create.error.message}</Alert></div> : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.pending} data-testid="customer-submit">{create.pending ? t("submitting") : t("submit")}</Button>
        </div>
      </form>
    </Card>
  );
}
