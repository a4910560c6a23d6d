"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { createOpportunityAction } from "@/app/(workbench)/crm/opportunities/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { money } from "./money";

type Choices = {
  customers: { id: string; code: string; name: string }[];
  past: { id: string; code: string; name: string; stage: string; amount: string; currencyCode: string; customerName: string; lines: number }[];
  currencies: { code: string; name: string }[];
  lead: { id: string; code: string; opportunityName: string | null; customer: { id: string; name: string } | null } | null;
};

/**
 * A new opportunity: for a customer the user sees (or the converted lead's customer),
 * optionally copied from a past opportunity (its lines, parameters and note come along).
 * The opportunity's page opens afterwards, where lines are added.
 */
export function NewOpportunityForm({ choices, customerId, copyFromId }: { choices: Choices; customerId: string | null; copyFromId: string | null }) {
  const t = useTranslations("opportunities.new");
  const ts = useTranslations("opportunities.stages");
  const locale = useLocale();
  const router = useRouter();
  const create = useAction(createOpportunityAction);
  const [filter, setFilter] = useState("");
  const [customer, setCustomer] = useState(choices.lead?.customer?.id ?? customerId ?? "");
  const [copyFrom, setCopyFrom] = useState(copyFromId ?? "");
  const [currency, setCurrency] = useState(choices.currencies[0]?.code ?? "CNY");
  // A copy keeps its source's currency (the server decides so too).
  const copiedCurrency = choices.past.find((p) => p.id === copyFrom)?.currencyCode ?? null;
  const shown = useMemo(() => choices.customers.filter((c) => !filter || c.name.includes(filter) || c.code.toLowerCase().includes(filter.toLowerCase()) || c.id === customer), [choices.customers, filter, customer]);
  return (
    <form
      className="space-y-4"
      data-testid="new-opportunity-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = Object.fromEntries(new FormData(e.currentTarget));
        create.run({ ...form, currencyCode: copiedCurrency ?? currency, customerId: customer || null, leadId: choices.lead?.id ?? null }, (done) => router.push(`/crm/opportunities/${done.id}`));
      }}
    >
      {choices.lead ? (
        <Alert tone="info">{t("fromLead", { code: choices.lead.code, customer: choices.lead.customer?.name ?? "—" })}</Alert>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="o-customer-filter" label={t("customerFilter")}>
            <Input id="o-customer-filter" value={filter} onChange={(e) => setFilter(e.target.value)} maxLength={50} autoComplete="off" placeholder={t("customerFilterHint")} />
          </Field>
          <Field id="o-customer" label={t("customer")} error={create.fieldError("customerId")}>
            <Select id="o-customer" value={customer} onChange={(e) => setCustomer(e.target.value)} data-testid="opportunity-customer">
              <option value="">{t("chooseCustomer")}</option>
              {shown.map((c) => <option key={c.id} value={c.id}>{c.name}（{c.code}）</option>)}
            </Select>
          </Field>
        </div>
      )}
      <Field id="o-name" label={t("name")} error={create.fieldError("name")}>
        <Input id="o-name" name="name" maxLength={100} defaultValue={choices.lead?.opportunityName ?? ""} autoComplete="off" data-testid="opportunity-name" />
      </Field>
      <Field id="o-copy" label={t("copyFrom")} hint={t("copyHint")}>
        <Select id="o-copy" name="copyFromId" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)} data-testid="opportunity-copy-from">
          <option value="">{t("noCopy")}</option>
          {choices.past.map((p) => (
            <option key={p.id} value={p.id}>{`${p.code} ${p.name}（${p.customerName}，${ts(p.stage)}，${money(p.amount, p.currencyCode, locale)}，${t("lineCount", { count: p.lines })}）`}</option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="o-close" label={t("expectedClose")} error={create.fieldError("expectedCloseDate")}>
          <Input id="o-close" name="expectedCloseDate" type="date" data-testid="opportunity-close" />
        </Field>
        <Field id="o-currency" label={t("currency")} hint={copiedCurrency ? t("currencyCopied") : undefined} error={create.fieldError("currencyCode")}>
          <Select id="o-currency" value={copiedCurrency ?? currency} disabled={!!copiedCurrency} onChange={(e) => setCurrency(e.target.value)} data-testid="opportunity-currency">
            {choices.currencies.map((c) => <option key={c.code} value={c.code}>{c.name}（{c.code}）</option>)}
            {copiedCurrency && !choices.currencies.some((c) => c.code === copiedCurrency) ? <option value={copiedCurrency}>{copiedCurrency}</option> : null}
          </Select>
        </Field>
      </div>
      <Field id="o-note" label={t("note")} hint={t("noteHint")} error={create.fieldError("note")}>
        <textarea id="o-note" name="note" maxLength={2000} rows={3} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </Field>
      <Button type="submit" disabled={create.pending} data-testid="opportunity-create">{create.pending ? t("creating") : t("create")}</Button>
      {create.error && !Object.keys(create.error.fieldErrors ?? {}).length ? <Alert>{create.error.message}</Alert> : null}
    </form>
  );
}
