"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createRequirementAction } from "@/app/(workbench)/crm/requirements/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { LinkedParam } from "@/lib/crm/requirements/linked-params";
import { LinkedParamsTable } from "./linked-params-table";

type Options = {
  opportunities: { id: string; label: string; customerCode: string; customerName: string }[];
  categories: { id: string; name: string; params: LinkedParam[] }[];
  products: { id: string; label: string; categoryId: string; params: LinkedParam[] }[];
};

/** A new product requirement from an opportunity: the customer code follows the opportunity, library parameters are linked, extras typed. */
export function RequirementForm({ options, opportunityId }: { options: Options; opportunityId: string }) {
  const t = useTranslations("requirements.form");
  const router = useRouter();
  const save = useAction(createRequirementAction);
  const err = save.fieldError;
  const [opp, setOpp] = useState(opportunityId);
  const [category, setCategory] = useState("");
  const [product, setProduct] = useState("");
  const [extras, setExtras] = useState<{ name: string; value: string }[]>([]);
  const chosenOpp = options.opportunities.find((o) => o.id === opp);
  const chosenProduct = options.products.find((p) => p.id === product);
  const linked = chosenProduct?.params ?? options.categories.find((c) => c.id === category)?.params ?? [];
  const products = options.products.filter((p) => !category || p.categoryId === category);
  return (
    <Card className="max-w-3xl">
      <form
        className="space-y-4"
        noValidate
        data-testid="requirement-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = Object.fromEntries(new FormData(e.currentTarget));
          const input = { ...f, opportunityId: opp, categoryId: category, productId: product, extraParams: extras.filter((x) => x.name || x.value), quantity: f.quantity === "" ? null : f.quantity };
          save.run(input, ({ id }) => router.push(`/crm/requirements/${id}`));
        }}
      >
        <Field id="rq-opportunity" label={t("opportunity")} error={err("opportunityId")}>
          <Select id="rq-opportunity" value={opp} onChange={(e) => setOpp(e.target.value)} aria-invalid={!!err("opportunityId")} data-testid="requirement-opportunity">
            <option value="">{t("chooseOpportunity")}</option>
            {options.opportunities.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
          </Select>
        </Field>
        <p className="text-sm" data-testid="requirement-customer-code">
          <span className="text-slate-500">{t("customerCode")}：</span>
          {chosenOpp ? `${chosenOpp.customerCode} ${chosenOpp.customerName}` : t("customerFromOpportunity")}
        </p>
        <Field id="rq-title" label={t("title")} error={err("title")}>
          <Input id="rq-title" name="title" maxLength={120} aria-invalid={!!err("title")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rq-category" label={t("category")} error={err("categoryId")}>
            <Select id="rq-category" value={category} onChange={(e) => { setCategory(e.target.value); setProduct(""); }}>
              <option value="">{t("noCategory")}</option>
              {options.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </Select>
          </Field>
          <Field id="rq-product" label={t("product")} error={err("productId")}>
            <Select id="rq-product" value={product} onChange={(e) => setProduct(e.target.value)}>
              <option value="">{t("noProduct")}</option>
              {products.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </Select>
          </Field>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-medium">{t("linkedParams")}</h3>
          <LinkedParamsTable params={linked} />
        </div>
        <div className="space-y-2" data-testid="extra-params">
          <h3 className="text-sm font-medium">{t("extraParams")}</h3>
          {extras.map((x, i) => (
            <div key={i} className="grid grid-cols-[1fr_2fr_auto] gap-2">
              <Input aria-label={t("paramName")} placeholder={t("paramName")} value={x.name} maxLength={40} onChange={(e) => setExtras(extras.map((y, j) => (j === i ? { ...y, name: e.target.value } : y)))} />
              <Input aria-label={t("paramValue")} placeholder={t("paramValue")} value={x.value} maxLength={200} onChange={(e) => setExtras(extras.map((y, j) => (j === i ? { ...y, value: e.target.value } : y)))} />
              <Button type="button" variant="ghost" size="sm" onClick={() => setExtras(extras.filter((_, j) => j !== i))}>{t("removeParam")}</Button>
            </div>
          ))}
          {err("extraParams") ? <p className="text-sm text-red-700">{err("extraParams")}</p> : null}
          <Button type="button" variant="secondary" size="sm" onClick={() => setExtras([...extras, { name: "", value: "" }])} data-testid="add-param">{t("addParam")}</Button>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rq-quantity" label={t("quantity")} error={err("quantity")}>
            <Input id="rq-quantity" name="quantity" inputMode="numeric" aria-invalid={!!err("quantity")} />
          </Field>
          <Field id="rq-target" label={t("targetDate")} error={err("targetDate")}>
            <Input id="rq-target" name="targetDate" type="date" aria-invalid={!!err("targetDate")} />
          </Field>
        </div>
        <Field id="rq-description" label={t("description")} error={err("description")}>
          <textarea id="rq-description" name="description" rows={5} maxLength={5000} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm leading-6 focus:border-brand-600 focus:outline-none" />
        </Field>
        <p className="text-xs text-slate-500">{t("drawingsAfter")}</p>
        {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
        <Button type="submit" disabled={save.pending} data-testid="requirement-submit">{save.pending ? t("submitting") : t("submit")}</Button>
      </form>
    </Card>
  );
}
