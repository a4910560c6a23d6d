"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { textareaClass } from "@/components/inbox/form-fields";
import type { ActionResult } from "@/lib/auth/action-client";

type Option = { code: string; name: string };
export type ChangeDefaults = { name: string; taxCode: string; paymentTermCode: string; contactName: string; contactPhone: string; address: string; bankName: string; bankAccount: string };

type Props = {
  /** The supplier, for a buyer's proposal; the portal's action takes the session's supplier. */
  supplierId?: string;
  defaults: ChangeDefaults;
  taxes: Option[];
  terms: Option[];
  action: (input: Record<string, unknown>) => Promise<ActionResult<{ number: string }>>;
  /** Where to go once proposed. */
  doneHref: string;
};

/**
 * SRM-4: a change to a supplier's master data, pre-filled with the archive, by a buyer
 * or by the supplier's administrator in the portal. Only what is changed is proposed;
 * the archive stays as it is until the change flow approves it.
 */
export function SupplierChangeForm({ supplierId, defaults, taxes, terms, action, doneHref }: Props) {
  const t = useTranslations("srm.change");
  const tr = useTranslations("srm.registration");
  const router = useRouter();
  const propose = useAction(action);
  const err = propose.fieldError;
  const text = (id: keyof ChangeDefaults, opts: { maxLength: number; inputMode?: "tel" | "numeric"; wide?: boolean }) => (
    <div className={opts.wide ? "sm:col-span-2" : undefined}>
      <Field id={`chg-${id}`} label={t(`fields.${id}`)} error={err(id)}>
        <Input id={`chg-${id}`} name={id} defaultValue={defaults[id]} maxLength={opts.maxLength} inputMode={opts.inputMode} autoComplete="off" aria-invalid={!!err(id)} />
      </Field>
    </div>
  );
  const select = (id: "taxCode" | "paymentTermCode", options: Option[]) => (
    <Field id={`chg-${id}`} label={t(`fields.${id}`)} error={err(id)}>
      <Select id={`chg-${id}`} name={id} defaultValue={defaults[id]} aria-invalid={!!err(id)}>
        <option value="">{tr("choose")}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>{o.code} · {o.name}</option>
        ))}
      </Select>
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
          propose.run(supplierId ? { ...form, supplierId } : form, () => router.push(doneHref));
        }}
      >
        {text("name", { maxLength: 200, wide: true })}
        {select("taxCode", taxes)}
        {select("paymentTermCode", terms)}
        {text("contactName", { maxLength: 100 })}
        {text("contactPhone", { maxLength: 40, inputMode: "tel" })}
        {text("address", { maxLength: 300, wide: true })}
        <div className="sm:col-span-2">
          <Alert tone="info">{t("bankNote")}</Alert>
        </div>
        {text("bankName", { maxLength: 100 })}
        {text("bankAccount", { maxLength: 40, inputMode: "numeric" })}
        <div className="sm:col-span-2">
          <Field id="chg-reason" label={`${t("reason")} *`} error={err("reason")}>
            <textarea id="chg-reason" name="reason" className={textareaClass} maxLength={500} aria-invalid={!!err("reason")} />
          </Field>
        </div>
        {propose.error ? <div className="sm:col-span-2"><Alert>{propose.error.message}</Alert></div> : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={propose.pending} data-testid="change-submit">
            {propose.pending ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
