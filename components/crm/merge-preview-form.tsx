"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { mergeCustomersAction } from "@/app/(workbench)/crm/customers/profile-actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Badge, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import type { MergeField, MergeSide } from "@/lib/crm/customer-merge.schema";
import type { MergePreview } from "@/lib/crm/preview-customer-merge";

/**
 * CRM-2: the two customers side by side (one below the other on a phone); where they
 * differ, each detail's radio picks the side it comes from (preselected as the server
 * proposes), then one confirmation merges them.
 */
export function MergePreviewForm({ preview }: { preview: MergePreview }) {
  const t = useTranslations("crmMerge.merge");
  const router = useRouter();
  const merge = useAction(mergeCustomersAction);
  const [sides, setSides] = useState<Record<string, MergeSide>>(() => Object.fromEntries(preview.fields.map((f) => [f.field, f.side])));
  const { survivor, other, counts } = preview;
  const head = (c: typeof survivor, label: string) => (
    <span className="flex flex-col gap-0.5">
      <span>{label}</span>
      <span className="font-normal text-slate-800">{c.name}</span>
      <span className="font-normal text-slate-500">{c.code}{c.erp ? <Badge className="ml-1">{t("erp")}</Badge> : null}</span>
    </span>
  );
  const cell = (field: MergeField, side: MergeSide, value: string) => (
    <label className="flex min-w-0 items-start gap-2">
      <input type="radio" className="mt-1 h-4 w-4 shrink-0" name={`side-${field}`} value={side} checked={sides[field] === side} onChange={() => setSides((s) => ({ ...s, [field]: side }))} data-testid={`merge-${field}-${side}`} />
      <span className="min-w-0 break-words">
        <span className="mr-1 text-xs text-slate-500 md:hidden">{t(side)}</span>
        <span className={value ? "" : "text-slate-400"}>{value || t("empty")}</span>
      </span>
    </label>
  );
  return (
    <div className="space-y-4" data-testid="merge-preview">
      <div>
        <h2 className="font-medium text-slate-900">{t("previewTitle")}</h2>
        <p className="text-sm text-slate-600">{t("previewIntro")}</p>
      </div>
      <Card className="p-0">
        <div className="hidden grid-cols-[10rem_1fr_1fr] gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-semibold text-slate-600 md:grid">
          <span>{t("field")}</span>
          {head(survivor, t("survivor"))}
          {head(other, t("other"))}
        </div>
        <div className="border-b border-slate-200 px-4 py-2 text-xs text-slate-600 md:hidden">
          {t("survivor")}：{survivor.name}（{survivor.code}）<br />
          {t("other")}：{other.name}（{other.code}）
        </div>
        {preview.fields.map((f) => (
          <div key={f.field} className="grid gap-1 border-b border-slate-100 px-4 py-2 text-sm last:border-0 md:grid-cols-[10rem_1fr_1fr] md:gap-3" data-testid={`merge-row-${f.field}`}>
            <span className="text-slate-600">{t(`fields.${f.field}`)}</span>
            {f.survivor === f.other ? (
              <span className={`md:col-span-2 ${f.survivor ? "" : "text-slate-400"}`}>{f.survivor || t("empty")}</span>
            ) : (
              <>
                {cell(f.field, "survivor", f.survivor)}
                {cell(f.field, "other", f.other)}
              </>
            )}
          </div>
        ))}
      </Card>
      <Card data-testid="merge-counts">
        <h3 className="mb-1 text-sm font-medium text-slate-900">{t("moves")}</h3>
        <ul className="list-disc pl-5 text-sm text-slate-700">
          <li>{t("counts.contacts", { n: counts.contacts })}</li>
          <li>{t("counts.logs", { n: counts.logs })}</li>
          <li>{t("counts.openTasks", { n: counts.openTasks })}</li>
          <li>{t("counts.leads", { n: counts.leads })}</li>
        </ul>
      </Card>
      {merge.error ? <Alert>{[merge.error.message, ...Object.values(merge.error.fieldErrors ?? {})].join(" ")}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          disabled={merge.pending}
          data-testid="merge-confirm"
          onClick={() => merge.run({ survivorId: survivor.id, otherId: other.id, choices: sides, seen: { survivor: survivor.updatedAt, other: other.updatedAt } }, ({ id }) => router.push(`/crm/customers/${id}`))}
        >
          {merge.pending ? t("merging") : t("confirm")}
        </Button>
        <Link href={`/crm/customers/${other.id}/merge?other=${survivor.id}`} className="text-sm text-brand-700 underline" data-testid="merge-swap">{t("swap")}</Link>
        <Link href={`/crm/customers/${survivor.id}/merge`} className="text-sm text-brand-700 underline">{t("other_again")}</Link>
      </div>
    </div>
  );
}
