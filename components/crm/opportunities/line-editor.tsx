"use client";

import { Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveOpportunityLinesAction } from "@/app/(workbench)/crm/opportunities/actions";
import { useAction } from "@/components/admin/use-action";
import { ParamInputs } from "@/components/crm/products/param-inputs";
import { ParamSummary } from "@/components/crm/products/param-summary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { LibraryPicker, type EditorCategory, type PickedProduct } from "./library-picker";
import { money } from "./money";

export type EditorLine = {
  key: string;
  productId: string | null;
  productCode: string | null;
  categoryId: string | null;
  description: string;
  params: Record<string, string>;
  quantity: string;
  unitCode: string | null;
  unitPrice: string;
  discountPct: string;
  unitCost: string;
  expectedDelivery: string;
};

const preview = (l: EditorLine) => {
  const v = Number(l.quantity) * Number(l.unitPrice) * (1 - Number(l.discountPct || 0) / 100);
  return Number.isFinite(v) ? Math.round(v * 100) / 100 : 0;
};
let seq = 0;
const newKey = () => `n${++seq}`;

/**
 * The opportunity's product lines as one editable list: a library product (its category,
 * parameters and unit come from the library, shown, not typed) or a line typed by hand
 * (category chosen, its parameters filled). Saved together; the server computes amounts.
 */
export function LineEditor({ id, initial, categories, units, currency }: { id: string; initial: EditorLine[]; categories: EditorCategory[]; units: { code: string; label: string }[]; currency: string }) {
  const t = useTranslations("opportunities.lines");
  const en = useLocale() === "en";
  const locale = useLocale();
  const router = useRouter();
  const save = useAction(saveOpportunityLinesAction);
  const [lines, setLines] = useState<EditorLine[]>(initial);
  const [saved, setSaved] = useState(false);
  const cat = (cid: string | null) => categories.find((c) => c.id === cid) ?? null;
  const set = (key: string, patch: Partial<EditorLine>) => {
    setSaved(false);
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  };
  const addProduct = (p: PickedProduct) => {
    setSaved(false);
    setLines((ls) => [...ls, { key: newKey(), productId: p.id, productCode: p.code, categoryId: p.categoryId, description: p.name, params: Object.fromEntries(Object.entries(p.techParams).map(([k, v]) => [k, String(v)])), quantity: "1", unitCode: p.unitCode, unitPrice: "", discountPct: "0", unitCost: "", expectedDelivery: "" }]);
  };
  const addTyped = () => {
    setSaved(false);
    setLines((ls) => [...ls, { key: newKey(), productId: null, productCode: null, categoryId: categories[0]?.id ?? null, description: "", params: {}, quantity: "1", unitCode: units[0]?.code ?? null, unitPrice: "", discountPct: "0", unitCost: "", expectedDelivery: "" }]);
  };
  const err = (i: number, f: string) => save.fieldError(`lines.${i}.${f}`);
  const total = lines.reduce((s, l) => s + preview(l), 0);
  return (
    <div className="space-y-3" data-testid="line-editor">
      {lines.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
      <ol className="space-y-3">
        {lines.map((l, i) => {
          const c = cat(l.categoryId);
          return (
            <li key={l.key} className="rounded-md border border-slate-200 p-3" data-testid="line-edit">
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm font-medium">
                  {i + 1}. {l.productId ? <span data-testid="line-library">{t("fromLibrary", { code: l.productCode ?? "" })}</span> : <span data-testid="line-typed">{t("typed")}</span>}
                  {c ? <span className="ml-2 text-slate-500">{en ? c.nameEn : c.nameZh}</span> : null}
                </span>
                <Button type="button" size="sm" variant="ghost" onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} aria-label={t("remove", { n: i + 1 })}>
                  <Trash2 className="h-4 w-4" aria-hidden />
                </Button>
              </div>
              <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
                <div className="sm:col-span-2">
                  <Field id={`l${l.key}-desc`} label={t("description")} error={err(i, "description")}>
                    <Input id={`l${l.key}-desc`} value={l.description} onChange={(e) => set(l.key, { description: e.target.value })} maxLength={200} autoComplete="off" data-testid="line-description" />
                  </Field>
                </div>
                {l.productId ? null : (
                  <>
                    <Field id={`l${l.key}-cat`} label={t("category")} error={err(i, "categoryId")}>
                      <Select id={`l${l.key}-cat`} value={l.categoryId ?? ""} onChange={(e) => set(l.key, { categoryId: e.target.value || null, params: {} })} data-testid="line-category">
                        <option value="">{t("noCategory")}</option>
                        {categories.map((x) => <option key={x.id} value={x.id}>{en ? x.nameEn : x.nameZh}</option>)}
                      </Select>
                    </Field>
                    <Field id={`l${l.key}-unit`} label={t("unit")} error={err(i, "unitCode")}>
                      <Select id={`l${l.key}-unit`} value={l.unitCode ?? ""} onChange={(e) => set(l.key, { unitCode: e.target.value || null })}>
                        {units.map((u) => <option key={u.code} value={u.code}>{u.label}</option>)}
                      </Select>
                    </Field>
                  </>
                )}
                <Field id={`l${l.key}-qty`} label={t("quantity")} error={err(i, "quantity")}>
                  <Input id={`l${l.key}-qty`} value={l.quantity} onChange={(e) => set(l.key, { quantity: e.target.value })} inputMode="decimal" maxLength={16} data-testid="line-quantity" />
                </Field>
                <Field id={`l${l.key}-price`} label={t("unitPrice")} error={err(i, "unitPrice")}>
                  <Input id={`l${l.key}-price`} value={l.unitPrice} onChange={(e) => set(l.key, { unitPrice: e.target.value })} inputMode="decimal" maxLength={16} data-testid="line-price" />
                </Field>
                <Field id={`l${l.key}-disc`} label={t("discount")} error={err(i, "discountPct")}>
                  <Input id={`l${l.key}-disc`} value={l.discountPct} onChange={(e) => set(l.key, { discountPct: e.target.value })} inputMode="decimal" maxLength={6} data-testid="line-discount" />
                </Field>
                <Field id={`l${l.key}-cost`} label={t("unitCost")} hint={t("unitCostHint")} error={err(i, "unitCost")}>
                  <Input id={`l${l.key}-cost`} value={l.unitCost} onChange={(e) => set(l.key, { unitCost: e.target.value })} inputMode="decimal" maxLength={16} />
                </Field>
                <Field id={`l${l.key}-delivery`} label={t("delivery")} error={err(i, "expectedDelivery")}>
                  <Input id={`l${l.key}-delivery`} type="date" value={l.expectedDelivery} onChange={(e) => set(l.key, { expectedDelivery: e.target.value })} />
                </Field>
                <div className="flex items-end text-sm">
                  <span className="text-slate-500">{t("amount")}：</span>
                  <span className="ml-1 font-medium tabular-nums" data-testid="line-amount-preview">{money(preview(l), currency, locale)}</span>
                </div>
              </div>
              <div className="mt-2">
                {l.productId ? (
                  <ParamSummary defs={c?.paramDefs ?? []} values={l.params} />
                ) : c ? (
                  <ParamInputs idPrefix={`l${l.key}-p`} defs={c.paramDefs} values={l.params} onChange={(k, v) => set(l.key, { params: { ...l.params, [k]: v } })} error={(k) => err(i, `param.${k}`)} />
                ) : null}
              </div>
              {err(i, "productId") ? <p className="mt-1 text-sm text-red-700">{err(i, "productId")}</p> : null}
            </li>
          );
        })}
      </ol>
      <LibraryPicker categories={categories} onPick={addProduct} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={addTyped} data-testid="line-add-typed">{t("addTyped")}</Button>
        <span className="ml-auto text-sm">{t("total")}：<span className="font-semibold tabular-nums">{money(total, currency, locale)}</span></span>
        <Button
          type="button"
          size="sm"
          disabled={save.pending}
          data-testid="lines-save"
          onClick={() =>
            save.run({ id, lines: lines.map(({ key: _key, productCode: _code, ...l }) => l) }, () => {
              setSaved(true);
              router.refresh();
            })
          }
        >
          {save.pending ? t("saving") : t("save")}
        </Button>
        {saved ? <span role="status" className="text-sm text-green-700">{t("saved")}</span> : null}
      </div>
      {save.error ? <Alert>{save.error.message}</Alert> : null}
    </div>
  );
}
