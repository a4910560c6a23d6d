"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createPurchaseOrderAction } from "@/app/(workbench)/srm/orders/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { randomId } from "@/components/ui/random-id";
import type { OrderEntryForm } from "@/lib/srm/order-entry";

type Line = { key: string; productCode: string; quantity: string; unitCode: string; unitPrice: string; requestedDate: string };
const blankLine = (): Line => ({ key: randomId(), productCode: "", quantity: "", unitCode: "", unitPrice: "", requestedDate: "" });

/** SRM-6, built-in connector: the buyer's purchase order, saved with its confirmation flow started; errors shown at their field. */
export function PurchaseOrderEntryForm({ options }: { options: OrderEntryForm }) {
  const t = useTranslations("srm.orderEntry");
  const format = useFormatter();
  const zh = useLocale() === "zh-CN";
  const router = useRouter();
  const save = useAction(createPurchaseOrderAction);
  const err = save.fieldError;
  const [supplierId, setSupplierId] = useState("");
  const [currencyCode, setCurrencyCode] = useState(options.currencies[0]?.code ?? "CNY");
  const [lines, setLines] = useState<Line[]>(() => [blankLine()]);
  // One submission token per filled-in form: sending it twice (a double click, a retry
  // after a lost answer) makes one order.
  const [entryKey] = useState(() => randomId());
  const product = new Map(options.products.map((p) => [p.code, p]));
  const set = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const amount = (l: Line) => (Number(l.quantity) > 0 && Number(l.unitPrice) >= 0 ? Number(l.quantity) * Number(l.unitPrice) : 0);
  const total = lines.reduce((s, l) => s + amount(l), 0);
  const money = (v: number) => `${format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currencyCode}`;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (save.pending) return;
    const input = { supplierId, currencyCode, entryKey, lines: lines.map(({ key: _key, ...l }) => ({ ...l, unitCode: l.unitCode || null, requestedDate: l.requestedDate || null })) };
    save.run(input, ({ id }) => router.push(`/srm/orders/${id}`));
  };

  return (
    <Card className="max-w-5xl">
      <form className="space-y-4" noValidate onSubmit={submit} data-testid="order-entry-form">
        {options.suppliers.length === 0 ? <Alert tone="info">{t("noSuppliers")}</Alert> : null}
        {options.products.length === 0 ? <Alert tone="info">{t("noProducts")}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="sm:col-span-2">
            <Field id="po-supplier" label={t("supplier")} hint={t("supplierHint")} error={err("supplierId")}>
              <Select id="po-supplier" name="supplierId" value={supplierId} onChange={(e) => setSupplierId(e.target.value)} aria-invalid={!!err("supplierId")}>
                <option value="">{t("choose")}</option>
                {options.suppliers.map((s) => <option key={s.id} value={s.id}>{s.code} · {s.name}</option>)}
              </Select>
            </Field>
          </div>
          <Field id="po-currency" label={t("currency")} error={err("currencyCode")}>
            <Select id="po-currency" name="currencyCode" value={currencyCode} onChange={(e) => setCurrencyCode(e.target.value)}>
              {options.currencies.map((c) => <option key={c.code} value={c.code}>{c.code} · {c.name}</option>)}
            </Select>
          </Field>
        </div>

        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t("lines")}</legend>
          {err("lines") ? <p role="alert" className="text-xs text-red-600">{err("lines")}</p> : null}
          {lines.map((l, i) => {
            const id = (f: string) => `po-line-${i}-${f}`;
            const e = (f: string) => err(`lines.${i}.${f}`);
            return (
              <div key={l.key} className="rounded-md border border-slate-200 p-3" data-testid="entry-line">
                <div className="mb-2 flex items-center justify-between">
                  <span className="text-sm font-medium text-slate-700">{t("line", { n: i + 1 })}</span>
                  <Button type="button" variant="ghost" size="sm" disabled={lines.length === 1} onClick={() => { save.reset(); setLines((ls) => ls.filter((_, j) => j !== i)); }} aria-label={t("removeLine", { n: i + 1 })} data-testid="remove-line">
                    <Trash2 className="h-4 w-4" aria-hidden />
                  </Button>
                </div>
                <div className="grid grid-cols-2 gap-3 lg:grid-cols-[3fr_1.2fr_1fr_1.2fr_1.4fr]">
                  <div className="col-span-2 lg:col-span-1">
                    <Field id={id("product")} label={t("product")} error={e("productCode")}>
                      <Select id={id("product")} value={l.productCode} aria-invalid={!!e("productCode")} onChange={(ev) => set(i, { productCode: ev.target.value, unitCode: product.get(ev.target.value)?.unitCode ?? l.unitCode })} data-testid="line-product">
                        <option value="">{t("choose")}</option>
                        {options.products.map((p) => <option key={p.code} value={p.code}>{p.code} · {p.name}</option>)}
                      </Select>
                    </Field>
                  </div>
                  <Field id={id("quantity")} label={t("quantity")} error={e("quantity")}>
                    <Input id={id("quantity")} type="number" inputMode="decimal" step="any" min="0" value={l.quantity} aria-invalid={!!e("quantity")} onChange={(ev) => set(i, { quantity: ev.target.value })} data-testid="line-quantity" />
                  </Field>
                  <Field id={id("unit")} label={t("unit")} error={e("unitCode")}>
                    <Select id={id("unit")} value={l.unitCode} onChange={(ev) => set(i, { unitCode: ev.target.value })} data-testid="line-unit">
                      <option value="">{t("choose")}</option>
                      {options.units.map((u) => <option key={u.code} value={u.code}>{zh ? u.nameZh : u.nameEn}</option>)}
                    </Select>
                  </Field>
                  <Field id={id("price")} label={t("unitPrice")} error={e("unitPrice")}>
                    <Input id={id("price")} type="number" inputMode="decimal" step="any" min="0" value={l.unitPrice} aria-invalid={!!e("unitPrice")} onChange={(ev) => set(i, { unitPrice: ev.target.value })} data-testid="line-price" />
                  </Field>
                  <Field id={id("date")} label={t("requestedDate")} error={e("requestedDate")}>
                    <Input id={id("date")} type="date" value={l.requestedDate} aria-invalid={!!e("requestedDate")} onChange={(ev) => set(i, { requestedDate: ev.target.value })} data-testid="line-date" />
                  </Field>
                </div>
                <p className="mt-2 text-right text-xs tabular-nums text-slate-500">{t("amount")} {money(amount(l))}</p>
              </div>
            );
          })}
          <Button type="button" variant="secondary" size="sm" onClick={() => setLines((ls) => [...ls, blankLine()])} data-testid="add-line">
            <Plus className="h-4 w-4" aria-hidden />
            {t("addLine")}
          </Button>
        </fieldset>

        <p className="text-right text-sm font-medium tabular-nums text-slate-900" data-testid="entry-total">{t("total", { amount: money(total) })}</p>
        {save.error ? <Alert>{save.error.message}</Alert> : null}
        <Button type="submit" disabled={save.pending} data-testid="order-entry-submit">{save.pending ? t("submitting") : t("submit")}</Button>
      </form>
    </Card>
  );
}
