"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { removeContactAction, saveContactAction } from "@/app/(workbench)/crm/customers/profile-actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { CustomerDetail } from "@/lib/crm/get-customer";

type Contact = CustomerDetail["customer"]["contacts"][number];

function ContactForm({ customerId, contact, onDone }: { customerId: string; contact: Contact | null; onDone: () => void }) {
  const t = useTranslations("crmMerge.contacts");
  const save = useAction(saveContactAction);
  const key = contact?.id ?? "new";
  const text = (name: "name" | "title" | "phone" | "email", props: React.ComponentProps<typeof Input> = {}) => (
    <Field id={`ct-${key}-${name}`} label={t(name)} error={save.fieldError(name)}>
      <Input id={`ct-${key}-${name}`} name={name} defaultValue={contact?.[name] ?? ""} autoComplete="off" aria-invalid={!!save.fieldError(name)} {...props} />
    </Field>
  );
  return (
    <form
      className="space-y-2 rounded-md border border-slate-200 p-3"
      data-testid="contact-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const input = { name: form.get("name"), title: form.get("title"), phone: form.get("phone"), email: form.get("email"), primary: form.get("primary") === "on" };
        save.run({ customerId, contactId: contact?.id ?? null, input }, onDone);
      }}
    >
      {text("name", { maxLength: 60 })}
      {text("title", { maxLength: 60 })}
      {text("phone", { maxLength: 40, inputMode: "tel" })}
      {text("email", { maxLength: 200, type: "email" })}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="primary" className="h-4 w-4" defaultChecked={contact?.primary ?? false} /> {t("primary")}
      </label>
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={save.pending} data-testid="contact-save">{save.pending ? t("saving") : t("save")}</Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>{t("cancel")}</Button>
      </div>
    </form>
  );
}

/** CRM-2: the customer's contacts for whoever may change it: add, change, remove (the server checks and audits). */
export function CustomerContactsEditor({ customerId, contacts }: { customerId: string; contacts: Contact[] }) {
  const t = useTranslations("crmMerge.contacts");
  const td = useTranslations("crm.detail");
  const remove = useAction(removeContactAction);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="space-y-3 text-sm">
      {contacts.length ? (
        <ul className="space-y-2">
          {contacts.map((p) =>
            editing === p.id ? (
              <li key={p.id}><ContactForm customerId={customerId} contact={p} onDone={() => setEditing(null)} /></li>
            ) : (
              <li key={p.id} data-testid="contact-entry" data-name={p.name}>
                <span className="font-medium">{p.name}</span>
                {p.title ? <span className="text-slate-500"> · {p.title}</span> : null}
                {p.primary ? <Badge className="ml-2">{td("primary")}</Badge> : null}
                {p.phone ? <div><a href={`tel:${p.phone.replace(/[^\d+]/g, "")}`} className="text-brand-700 underline" data-testid="contact-call">{p.phone}</a></div> : null}
                {p.email ? <div><a href={`mailto:${p.email}`} className="text-brand-700 underline">{p.email}</a></div> : null}
                <div className="mt-1 flex gap-3 text-xs">
                  <button type="button" className="text-brand-700 underline" onClick={() => setEditing(p.id)} data-testid="contact-edit">{t("edit")}</button>
                  <button type="button" className="text-red-700 underline" disabled={remove.pending} onClick={() => confirm(t("confirmRemove", { name: p.name })) && remove.run({ customerId, contactId: p.id })} data-testid="contact-remove">{t("remove")}</button>
                </div>
              </li>
            ),
          )}
        </ul>
      ) : <p className="text-slate-500">{td("noContacts")}</p>}
      {remove.error ? <Alert>{remove.error.message}</Alert> : null}
      {editing === "new" ? <ContactForm customerId={customerId} contact={null} onDone={() => setEditing(null)} /> : <Button type="button" size="sm" variant="secondary" onClick={() => setEditing("new")} data-testid="contact-add">{t("add")}</Button>}
    </div>
  );
}
