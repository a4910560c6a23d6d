"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { searchLibraryProductsAction } from "@/app/(workbench)/crm/opportunities/actions";
import { ParamSummary } from "@/components/crm/products/param-summary";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { LibraryProduct } from "@/lib/crm/products/product-library";
import type { ParamDef } from "@/lib/crm/products/param-defs";

export type PickedProduct = LibraryProduct;
export type EditorCategory = { id: string; nameZh: string; nameEn: string; paramDefs: ParamDef[] };

/** Search the product library (code or name, optionally one category) and add a product as a line. */
export function LibraryPicker({ categories, onPick }: { categories: EditorCategory[]; onPick: (p: PickedProduct) => void }) {
  const t = useTranslations("opportunities.lines");
  const en = useLocale() === "en";
  const [q, setQ] = useState("");
  const [categoryId, setCategoryId] = useState("");
  const [rows, setRows] = useState<LibraryProduct[] | null>(null);
  const [pending, start] = useTransition();
  const search = () =>
    start(async () => {
      const res = await searchLibraryProductsAction({ q, categoryId: categoryId || null }).catch(() => null);
      setRows(res && res.ok ? res.data : []);
    });
  return (
    <div className="rounded-md border border-dashed border-slate-300 p-3" data-testid="library-picker">
      <p className="mb-2 text-sm font-medium">{t("addFromLibrary")}</p>
      <div className="flex flex-wrap gap-2">
        <Input aria-label={t("librarySearch")} placeholder={t("librarySearch")} value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); search(); } }} maxLength={100} className="w-56" data-testid="library-search" />
        <Select aria-label={t("category")} value={categoryId} onChange={(e) => setCategoryId(e.target.value)} className="w-40">
          <option value="">{t("anyCategory")}</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{en ? c.nameEn : c.nameZh}</option>)}
        </Select>
        <Button type="button" size="sm" variant="secondary" onClick={search} disabled={pending} data-testid="library-search-submit">{t("search")}</Button>
      </div>
      {rows === null ? null : rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("noProducts")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {rows.map((p) => {
            const c = categories.find((x) => x.id === p.categoryId);
            return (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid="library-result">
                <div className="min-w-0">
                  <div><span className="mr-2 text-xs text-slate-500">{p.code}</span>{p.name}{c ? <span className="ml-2 text-xs text-slate-500">{en ? c.nameEn : c.nameZh}</span> : null}</div>
                  <ParamSummary defs={c?.paramDefs ?? []} values={p.techParams} />
                </div>
                <Button type="button" size="sm" variant="secondary" onClick={() => onPick(p)} data-testid="library-add">{t("add")}</Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
