"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { reviseContractAction } from "@/app/(workbench)/crm/contracts/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { randomId } from "@/components/ui/random-id";
import { FOREIGN_CURRENCIES, INCOTERMS_2020, type ContractClause, type ContractTerms } from "@/lib/crm/contracts/contract.schema";

type Line = Omit<ContractTerms["lines"][number], "amount">;
const area = "min-h-20 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/** Edits the terms; saving makes the next version (the page then shows what changed). */
export function ContractTermsEditor({ id, version, template, terms }: { id: string; version: number; template: "domestic" | "foreign"; terms: ContractTerms }) {
  const t = useTranslations("contracts.editor");
  const tf = useTranslations("contracts.fields");
  const save = useAction(reviseContractAction);
  const [open, setOpen] = useState(false);
  const [head, setHead] = useState({ currencyCode: terms.currencyCode, taxRate: terms.taxRate, incoterm: terms.incoterm, incotermPlace: terms.incotermPlace, paymentTerms: terms.paymentTerms, deliveryTerms: terms.deliveryTerms });
  const [lines, setLines] = useState<Line[]>(terms.lines.map(({ amount: _a, ...l }) => l));
  const [clauses, setClauses] = useState<ContractClause[]>(terms.clauses);
  const [note, setNote] = useState("");
  const foreign = template === "foreign";
  if (!open) return <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="contract-edit">{t("open")}</Button>;
  const setLine = (i: number, patch: Partial<Line>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setClause = (i: number, patch: Partial<ContractClause>) => setClauses(clauses.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <form
      className="space-y-4 text-sm"
      data-testid="contract-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.run({ id, expectedVersion: version, note, terms: { ...head, lines, clauses } }, () => setOpen(false));
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {foreign ? (
          <>
            <Field id="ed-currency" label={tf("currencyCode")} error={save.fieldError("currencyCode")}>
              <Select id="ed-currency" value={head.currencyCode} onChange={(e) => setHead({ ...head, currencyCode: e.target.value })}>{FOREIGN_CURRENCIES.map((c) => <option key={c}>{c}</option>)}</Select>
            </Field>
            <Field id="ed-incoterm" label={tf("incoterm")} error={save.fieldError("incoterm")}>
              <div className="flex gap-2">
                <Select id="ed-incoterm" value={head.incoterm ?? ""} onChange={(e) => setHead({ ...head, incoterm: (e.target.value || null) as typeof head.incoterm })} data-testid="ed-incoterm">{INCOTERMS_2020.map((c) => <option key={c}>{c}</option>)}</Select>
                <Input aria-label={tf("incotermPlace")} value={head.incotermPlace ?? ""} maxLength={120} onChange={(e) => setHead({ ...head, incotermPlace: e.target.value })} data-testid="ed-incoterm-place" />
              </div>
            </Field>
          </>
        ) : (
          <Field id="ed-tax" label={tf("taxRate")} error={save.fieldError("taxRate")}>
            <Select id="ed-tax" value={String(head.taxRate)} onChange={(e) => setHead({ ...head, taxRate: Number(e.target.value) })}>{[0.13, 0.09, 0.06, 0.03, 0].map((r) => <option key={r} value={r}>{Math.round(r * 100)}%</option>)}</Select>
          </Field>
        )}
        <Field id="ed-payment" label={tf("paymentTerms")} error={save.fieldError("paymentTerms")}>
          <textarea id="ed-payment" className={area} value={head.paymentTerms} maxLength={1000} onChange={(e) => setHead({ ...head, paymentTerms: e.target.value })} data-testid="ed-payment" />
        </Field>
        <Field id="ed-delivery" label={tf("deliveryTerms")} error={save.fieldError("deliveryTerms")}>
          <textarea id="ed-delivery" className={area} value={head.deliveryTerms} maxLength={1000} onChange={(e) => setHead({ ...head, deliveryTerms: e.target.value })} />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("lines")}</legend>
        {lines.map((l, i) => (
          <div key={l.key} className="grid grid-cols-2 gap-2 sm:grid-cols-[7rem_1fr_6rem_5rem_7rem_8rem_auto]" data-testid="ed-line">
            <Input aria-label={tf("productCode")} placeholder={tf("productCode")} value={l.productCode ?? ""} maxLength={60} onChange={(e) => setLine(i, { productCode: e.target.value || null })} />
            <Input aria-label={tf("description")} placeholder={tf("description")} value={l.description} maxLength={300} onChange={(e) => setLine(i, { description: e.target.value })} />
            <Input aria-label={tf("quantity")} type="number" min="0" step="any" value={l.quantity} onChange={(e) => setLine(i, { quantity: Number(e.target.value) })} data-testid="ed-quantity" />
            <Input aria-label={tf("unitCode")} value={l.unitCode ?? ""} maxLength={20} onChange={(e) => setLine(i, { unitCode: e.target.value || null })} />
            <Input aria-label={tf("unitPrice")} type="number" min="0" step="any" value={l.unitPrice} onChange={(e) => setLine(i, { unitPrice: Number(e.target.value) })} data-testid="ed-price" />
            <Input aria-label={tf("delivery")} type="date" value={l.delivery ?? ""} onChange={(e) => setLine(i, { delivery: e.target.value || null })} />
            <Button type="button" size="sm" variant="secondary" disabled={lines.length < 2} onClick={() => setLines(lines.filter((_, j) => j !== i))}>{t("remove")}</Button>
          </div>
        ))}
        <Button type="button" size="sm" variant="secondary" onClick={() => setLines([...lines, { key: `L${randomId().slice(0, 8)}`, productCode: null, description: "", quantity: 1, unitCode: null, unitPrice: 0, delivery: null }])}>{t("addLine")}</Button>
        {save.fieldError("lines") ? <p className="text-red-700">{save.fieldError("lines")}</p> : null}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-medium">{t("clauses")}</legend>
        {clauses.map((c, i) => (
          <div key={c.key} className="space-y-1 rounded-md border border-slate-200 p-2" data-testid="ed-clause">
            <div className="flex gap-2">
              <Input aria-label={tf("titleZh")} value={c.titleZh} maxLength={100} onChange={(e) => setClause(i, { titleZh: e.target.value })} />
              {foreign ? <Input aria-label={tf("titleEn")} lang="en" value={c.titleEn} maxLength={200} onChange={(e) => setClause(i, { titleEn: e.target.value })} /> : null}
              <Button type="button" size="sm" variant="secondary" onClick={() => setClauses(clauses.filter((_, j) => j !== i))}>{t("remove")}</Button>
            </div>
            <textarea aria-label={tf("textZh")} className={area} value={c.textZh} maxLength={4000} onChange={(e) => setClause(i, { textZh: e.target.value })} data-testid="ed-clause-zh" />
            {foreign ? <textarea aria-label={tf("textEn")} lang="en" className={area} value={c.textEn} maxLength={8000} onChange={(e) => setClause(i, { textEn: e.target.value })} /> : null}
          </div>
        ))}
        <Button type="button" size="sm" variant="secondary" onClick={() => setClauses([...clauses, { key: `C${randomId().slice(0, 8)}`, titleZh: "", titleEn: "", textZh: "", textEn: "" }])}>{t("addClause")}</Button>
        {save.fieldError("clauses") ? <p className="text-red-700">{save.fieldError("clauses")}</p> : null}
      </fieldset>
      <Field id="ed-note" label={t("note")}>
        <Input id="ed-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="ed-note" />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.pending} data-testid="contract-save">{t("save")}</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>{t("cancel")}</Button>
      </div>
      {save.error ? <Alert>{save.error.message}</Alert> : null}
    </form>
  );
}
