"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { registerSupplierAction, similarSuppliersAction } from "@/app/(workbench)/srm/suppliers/actions";
import { CustomFieldInputs, readCustomForm, withoutCustom } from "@/components/admin/custom-fields-inputs";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CustomFieldDef } from "@/lib/custom-fields/custom-fields.schema";
import { SupplierStatusBadge } from "./srm-badges";

type Option = { code: string; name: string };
type Similar = { id: string; code: string; name: string; status: string };

/** SRM-1: a new supplier's record, with codes from the ERP's lists, possible duplicates shown while the name is typed, and the custom fields. */
export function SupplierRegistrationForm({ taxes, terms, customFields }: { taxes: Option[]; terms: Option[]; customFields: CustomFieldDef[] }) {
  const t = useTranslations("srm.registration");
  const router = useRouter();
  const register = useAction(registerSupplierAction);
  const err = register.fieldError;
  const [name, setName] = useState("");
  const [similar, setSimilar] = useState<Similar[]>([]);
  const [, startLookup] = useTransition();

  // Possible duplicates, looked up a moment after typing stops.
  useEffect(() => {
    const q = name.trim();
    if (q.length < 2) return;
    const timer = setTimeout(() => {
      startLookup(async () => {
        const res = await similarSuppliersAction({ name: q }).catch(() => null);
        setSimilar(res?.ok ? res.data : []);
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [name]);

  const shown = name.trim().length >= 2 ? similar : [];
  const select = (id: string, label: string, options: Option[]) => (
    <Field id={`reg-${id}`} label={label} error={err(id)}>
      <Select id={`reg-${id}`} name={id} defaultValue="" aria-invalid={!!err(id)}>
        <option value="">{t("choose")}</option>
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
          const form = new FormData(e.currentTarget);
          register.run({ ...withoutCustom(form), custom: readCustomForm(form) }, ({ id }) => router.push(`/srm/suppliers/${id}`));
        }}
      >
        {taxes.length === 0 || terms.length === 0 ? <div className="sm:col-span-2"><Alert tone="info">{t("noCodes")}</Alert></div> : null}
        <Field id="reg-code" label={t("code")} error={err("code")}>
          <Input id="reg-code" name="code" maxLength={40} autoComplete="off" aria-invalid={!!err("code")} />
        </Field>
        <Field id="reg-name" label={t("name")} error={err("name")}>
          <Input id="reg-name" name="name" maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!err("name")} />
        </Field>
        {shown.length ? (
          <div className="sm:col-span-2" data-testid="similar-suppliers">
            <Alert tone="info">
              <p>{t("similar")}</p>
              <ul className="mt-1 space-y-1">
                {shown.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-xs">{s.code}</span>
                    <Link href={`/srm/suppliers/${s.id}`} className="text-brand-700 hover:underline">{s.name}</Link>
                    <SupplierStatusBadge status={s.status} />
                  </li>
                ))}
              </ul>
            </Alert>
          </div>
        ) : null}
        {select("taxCode", t("taxCode"), taxes)}
        {select("paymentTermCode", t("paymentTerm"), terms)}
        <Field id="reg-contactName" label={t("contactName")} error={err("contactName")}>
          <Input id="reg-contactName" name="contactName" maxLength={100} aria-invalid={!!err("contactName")} />
        </Field>
        <Field id="reg-contactPhone" label={t("contactPhone")} error={err("contactPhone")}>
          <Input id="reg-contactPhone" name="contactPhone" maxLength={40} inputMode="tel" />
        </Field>
        <div className="sm:col-span-2">
          <Field id="reg-address" label={t("address")} error={err("address")}>
            <Input id="reg-address" name="address" maxLength={300} />
          </Field>
        </div>
        <CustomFieldInputs fields={customFields} error={err} idPrefix="reg-custom" />
        {register.error ? <div className="sm:col-span-2"><Alert>{register.error.message}</Alert></div> : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={register.pending} data-testid="register-submit">
            {register.pending ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
