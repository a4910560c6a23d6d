"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createContractAction } from "@/app/(workbench)/crm/contracts/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { COMMON_COUNTRIES } from "@/lib/crm/contracts/contract.schema";

type Props = {
  opportunityId?: string;
  fromContractId?: string;
  customers?: { id: string; name: string; code: string; countryCode: string; template: "domestic" | "foreign" }[];
  /** The customer's country, shown for correction (it chooses the template) when the employee may change the customer. */
  countryCode?: string | null;
};

/** Makes the draft contract (from the opportunity, the past contract or a picked customer) and opens it. */
export function CreateContractForm({ opportunityId, fromContractId, customers, countryCode }: Props) {
  const t = useTranslations("contracts.new");
  const tt = useTranslations("contracts.template");
  const router = useRouter();
  const create = useAction(createContractAction);
  const tc = useTranslations("contracts.countries");
  const [customerId, setCustomerId] = useState(customers?.[0]?.id ?? "");
  const [country, setCountry] = useState(countryCode ?? customers?.[0]?.countryCode ?? "CN");
  const countries: string[] = COMMON_COUNTRIES.includes(country as (typeof COMMON_COUNTRIES)[number]) ? [...COMMON_COUNTRIES] : [country, ...COMMON_COUNTRIES];
  const askCountry = !fromContractId && (countryCode !== undefined || !!customers);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const where = askCountry ? { countryCode: country } : {};
        create.run(customers ? { customerId, ...where } : { opportunityId, fromContractId, ...where }, ({ id }) => router.push(`/crm/contracts/${id}`));
      }}
    >
      {customers ? (
        <div className="max-w-md">
          <Label htmlFor="new-customer">{t("customer")}</Label>
          <Select id="new-customer" value={customerId} onChange={(e) => { setCustomerId(e.target.value); setCountry(customers.find((c) => c.id === e.target.value)?.countryCode ?? "CN"); }} data-testid="contract-customer">
            {customers.map((c) => <option key={c.id} value={c.id}>{`${c.name}（${c.code}，${tt(c.template)}）`}</option>)}
          </Select>
        </div>
      ) : null}
      {askCountry ? (
        <div className="max-w-md">
          <Label htmlFor="new-country">{t("country")}</Label>
          <Select id="new-country" value={country} onChange={(e) => setCountry(e.target.value)} data-testid="contract-country">
            {countries.map((c) => <option key={c} value={c}>{tc.has(c) ? tc(c) : c}</option>)}
          </Select>
          <p className="mt-1 text-xs text-slate-500">{t(country === "CN" ? "countryDomestic" : "countryForeign")}</p>
        </div>
      ) : null}
      <Button type="submit" disabled={create.pending || (!!customers && !customerId)} data-testid="contract-create">{t("create")}</Button>
      {create.error ? <Alert>{[create.error.message, ...Object.values(create.error.fieldErrors ?? {})].join(" ")}</Alert> : null}
    </form>
  );
}
