"use client";

import { MapPin } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { removeAddressAction, saveAddressAction } from "@/app/(workbench)/crm/customers/profile-actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ADDRESS_KINDS, addressMapHref, addressText } from "@/lib/crm/customer-address.schema";
import type { CustomerDetail } from "@/lib/crm/get-customer";

type Address = CustomerDetail["customer"]["addresses"][number];

function AddressForm({ customerId, address, onDone }: { customerId: string; address: Address | null; onDone: () => void }) {
  const t = useTranslations("crm.addresses");
  const save = useAction(saveAddressAction);
  const key = address?.id ?? "new";
  const text = (name: "label" | "province" | "city" | "street" | "postalCode" | "contactName" | "phone" | "countryCode", props: React.ComponentProps<typeof Input> = {}) => (
    <Field id={`ad-${key}-${name}`} label={t(name)} error={save.fieldError(name)}>
      <Input id={`ad-${key}-${name}`} name={name} defaultValue={address?.[name] ?? (name === "countryCode" ? "CN" : "")} autoComplete="off" aria-invalid={!!save.fieldError(name)} {...props} />
    </Field>
  );
  return (
    <form
      className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2"
      data-testid="address-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = Object.fromEntries(new FormData(e.currentTarget));
        save.run({ customerId, addressId: address?.id ?? null, input: { ...form, isPrimary: form.isPrimary === "on" } }, onDone);
      }}
    >
      <Field id={`ad-${key}-kind`} label={t("kind")} error={save.fieldError("kind")}>
        <Select id={`ad-${key}-kind`} name="kind" defaultValue={address?.kind ?? "office"}>
          {ADDRESS_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
        </Select>
      </Field>
      {text("label", { maxLength: 40, placeholder: t("labelHint") })}
      {text("province", { maxLength: 40 })}
      {text("city", { maxLength: 40 })}
      <div className="sm:col-span-2">{text("street", { maxLength: 200 })}</div>
      {text("postalCode", { maxLength: 12, inputMode: "numeric" })}
      {text("countryCode", { maxLength: 2, autoCapitalize: "characters" })}
      {text("contactName", { maxLength: 60 })}
      {text("phone", { maxLength: 40, inputMode: "tel" })}
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="isPrimary" className="h-4 w-4" defaultChecked={address?.isPrimary ?? false} /> {t("primary")}
      </label>
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <div className="sm:col-span-2"><Alert>{save.error.message}</Alert></div> : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={save.pending} data-testid="address-save">{save.pending ? t("saving") : t("save")}</Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>{t("cancel")}</Button>
      </div>
    </form>
  );
}

/** CRM-2: the customer's addresses, each with a map link; whoever may change the customer adds, changes and removes them. */
export function CustomerAddresses({ customerId, addresses, mayEdit }: { customerId: string; addresses: Address[]; mayEdit: boolean }) {
  const t = useTranslations("crm.addresses");
  const remove = useAction(removeAddressAction);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="space-y-3 text-sm">
      {addresses.length ? (
        <ul className="grid gap-3 sm:grid-cols-2">
          {addresses.map((a) =>
            editing === a.id ? (
              <li key={a.id} className="sm:col-span-2"><AddressForm customerId={customerId} address={a} onDone={() => setEditing(null)} /></li>
            ) : (
              <li key={a.id} className="rounded-md border border-slate-200 p-3" data-testid="address-entry" data-street={a.street}>
                <div className="flex flex-wrap items-center gap-1.5">
                  <Badge>{t(`kinds.${a.kind}`)}</Badge>
                  {a.label ? <span className="font-medium">{a.label}</span> : null}
                  {a.isPrimary ? <Badge className="bg-brand-50 text-brand-700">{t("primary")}</Badge> : null}
                </div>
                <p className="mt-1 break-words">{addressText(a)}{a.postalCode ? ` ${a.postalCode}` : ""}</p>
                {a.contactName || a.phone ? (
                  <p className="text-slate-600">
                    {a.contactName}
                    {a.phone ? <a href={`tel:${a.phone.replace(/[^\d+]/g, "")}`} className="ml-2 text-brand-700 underline">{a.phone}</a> : null}
                  </p>
                ) : null}
                <div className="mt-1 flex flex-wrap gap-3 text-xs">
                  <a href={addressMapHref(a)} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-0.5 text-brand-700 underline" data-testid="address-map">
                    <MapPin className="h-3.5 w-3.5" aria-hidden />
                    {t("map")}
                  </a>
                  {mayEdit ? (
                    <>
                      <button type="button" className="text-brand-700 underline" onClick={() => setEditing(a.id)} data-testid="address-edit">{t("edit")}</button>
                      <button type="button" className="text-red-700 underline" disabled={remove.pending} onClick={() => confirm(t("confirmRemove")) && remove.run({ customerId, addressId: a.id })} data-testid="address-remove">{t("remove")}</button>
                    </>
                  ) : null}
                </div>
              </li>
            ),
          )}
        </ul>
      ) : <p className="text-slate-500">{t("none")}</p>}
      {remove.error ? <Alert>{remove.error.message}</Alert> : null}
      {mayEdit ? (editing === "new" ? <AddressForm customerId={customerId} address={null} onDone={() => setEditing(null)} /> : <Button type="button" size="sm" variant="secondary" onClick={() => setEditing("new")} data-testid="address-add">{t("add")}</Button>) : null}
    </div>
  );
}
