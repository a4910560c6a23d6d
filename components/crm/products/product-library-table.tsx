"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { setProductLibraryAction } from "@/app/(workbench)/crm/products/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { ListTable, Td } from "@/components/ui/table";
import type { ParamDef } from "@/lib/crm/products/param-defs";
import type { LibraryProduct } from "@/lib/crm/products/product-library";
import { ParamInputs } from "./param-inputs";
import { ParamSummary } from "./param-summary";

type Category = { id: string; nameZh: string; nameEn: string; paramDefs: ParamDef[] };

/** The library's products with category and parameters; those who maintain the library edit a product's in place. */
export function ProductLibraryTable({ rows, categories, units, mayEdit }: { rows: LibraryProduct[]; categories: Category[]; units: Record<string, string>; mayEdit: boolean }) {
  const t = useTranslations("products");
  const en = useLocale() === "en";
  const [editing, setEditing] = useState<string | null>(null);
  const cat = (id: string | null) => categories.find((c) => c.id === id) ?? null;
  const columns = [{ label: t("product") }, { label: t("unit") }, { label: t("category") }, { label: t("params") }, ...(mayEdit ? [{ label: t("actions") }] : [])];
  return (
    <ListTable testId="product-library" columns={columns} empty={t("empty")} isEmpty={!rows.length} cards>
      {rows.map((p) => {
        const c = cat(p.categoryId);
        return editing === p.id ? (
          <tr key={p.id} data-testid="product-row">
            <Td colSpan={columns.length}>
              <p className="mb-2 font-medium">{p.code} {p.name}</p>
              <ProductLibraryForm product={p} categories={categories} onDone={() => setEditing(null)} />
            </Td>
          </tr>
        ) : (
          <tr key={p.id} data-testid="product-row">
            <Td><span><span className="mr-2 text-xs text-slate-500">{p.code}</span>{p.name}</span></Td>
            <Td label={t("unit")}><span>{p.unitCode ? (units[p.unitCode] ?? p.unitCode) : "—"}</span></Td>
            <Td label={t("category")}><span>{c ? (en ? c.nameEn : c.nameZh) : <span className="text-slate-400">{t("noCategory")}</span>}</span></Td>
            <Td label={t("params")}><ParamSummary defs={c?.paramDefs ?? []} values={p.techParams} /></Td>
            {mayEdit ? <Td><Button type="button" size="sm" variant="secondary" onClick={() => setEditing(p.id)} data-testid="product-edit">{t("edit")}</Button></Td> : null}
          </tr>
        );
      })}
    </ListTable>
  );
}

function ProductLibraryForm({ product, categories, onDone }: { product: LibraryProduct; categories: Category[]; onDone: () => void }) {
  const t = useTranslations("products");
  const en = useLocale() === "en";
  const save = useAction(setProductLibraryAction);
  const [categoryId, setCategoryId] = useState(product.categoryId ?? "");
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(Object.entries(product.techParams).map(([k, v]) => [k, String(v)])));
  const c = categories.find((x) => x.id === categoryId);
  return (
    <form
      className="space-y-2"
      data-testid="product-library-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.run({ productId: product.id, categoryId: categoryId || null, techParams: values }, onDone);
      }}
    >
      <div className="w-56">
        <Field id={`pc-${product.id}`} label={t("category")}>
          <Select id={`pc-${product.id}`} value={categoryId} onChange={(e) => setCategoryId(e.target.value)} data-testid="product-category">
            <option value="">{t("noCategory")}</option>
            {categories.map((x) => <option key={x.id} value={x.id}>{en ? x.nameEn : x.nameZh}</option>)}
          </Select>
        </Field>
      </div>
      {c ? <ParamInputs idPrefix={`pp-${product.id}`} defs={c.paramDefs} values={values} onChange={(k, v) => setValues((s) => ({ ...s, [k]: v }))} error={(k) => save.fieldError(`param.${k}`)} /> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={save.pending} data-testid="product-save">{t("save")}</Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>{t("cancel")}</Button>
      </div>
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
    </form>
  );
}
