"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateCustomerAction } from "@/app/(workbench)/crm/customers/profile-actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxList, type CheckboxOption } from "@/components/ui/checkbox-list";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CUSTOMER_LEVELS } from "@/lib/crm/customer.schema";

type Profile = {
  id: string; name: string; creditCode: string | null; industry: string | null; region: string | null; level: string | null; tags: string[]; categoryIds: string[]; sharedWithTeam: boolean;
};

/**
 * CRM-2: the customer's profile changed by whoever may change it: profile fields only (the
 * main contact and the addresses have their own editors on the customer page); a new name
 * that looks like another customer's needs a reason (the server decides, the form then asks).
 */
export function CustomerProfileForm({ customer, categories }: { customer: Profile; categories: CheckboxOption[] }) {
  const t = useTranslations("crmMerge.profile");
  const router = useRouter();
  const save = useAction(updateCustomerAction);
  const [categoryIds, setCategoryIds] = useState(customer.categoryIds);
  const err = save.fieldError;
  const text = (id: "name" | "creditCode" | "industry" | "region" | "duplicateReason", label: string, props: React.ComponentProps<typeof Input> = {}, hint?: string) => (
    <Field id={`cp-${id}`} label={label} hint={hint} error={err(id)}>
      <Input id={`cp-${id}`} name={id} autoComplete="off" aria-invalid={!!err(id)} defaultValue={id === "duplicateReason" ? "" : (customer[id] ?? "")} {...props} />
    </Field>
  );
  const back = `/crm/customers/${customer.id}`;
  return (
    <Card className="max-w-3xl">
      <form
        className="grid gap-4 sm:grid-cols-2"
        noValidate
        data-testid="customer-profile-form"
        onSubmit={(e) => {
          e.preventDefault();
          const form = Object.fromEntries(new FormData(e.currentTarget));
          const input = { ...form, categoryIds, sharedWithTeam: form.sharedWithTeam === "on" };
          save.run({ id: customer.id, input }, () => {
            router.push(back);
            router.refresh();
          });
        }}
      >
        <div className="sm:col-span-2">{text("name", t("name"), { maxLength: 100 })}</div>
        {save.error?.code === "customer_duplicate" ? <div className="sm:col-span-2">{text("duplicateReason", t("reasonLabel"), { maxLength: 200 }, t("reasonHint"))}</div> : null}
        {text("creditCode", t("creditCode"), { maxLength: 30, autoCapitalize: "characters" }, t("creditHint"))}
        <Field id="cp-level" label={t("level")} error={err("level")}>
          <Select id="cp-level" name="level" defaultValue={customer.level ?? ""}>
            <option value="">{t("noLevel")}</option>
            {CUSTOMER_LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </Select>
        </Field>
        {text("industry", t("industry"), { maxLength: 60 })}
        {text("region", t("region"), { maxLength: 60 })}
        {categories.length ? (
          <div className="sm:col-span-2">
            <Field id="cp-categories" label={t("categories")} error={err("categoryIds")}>
              <CheckboxList options={categories} value={categoryIds} onChange={setCategoryIds} legend={t("categories")} invalid={!!err("categoryIds")} />
            </Field>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <Field id="cp-tags" label={t("tags")} hint={t("tagsHint")} error={err("tags")}>
            <Input id="cp-tags" name="tags" autoComplete="off" maxLength={200} defaultValue={customer.tags.join("，")} />
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="sharedWithTeam" className="h-4 w-4" defaultChecked={customer.sharedWithTeam} /> {t("shared")}
        </label>
        {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <div className="sm:col-span-2"><Alert>{save.error.message}</Alert></div> : null}
        <div className="flex gap-2 sm:col-span-2">
          <Button type="submit" disabled={save.pending} data-testid="profile-submit">{save.pending ? t("submitting") : t("submit")}</Button>
          <Button type="button" variant="ghost" onClick={() => router.push(back)}>{t("cancel")}</Button>
        </div>
      </form>
    </Card>
  );
}
