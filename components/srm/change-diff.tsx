"use client";

import { useLocale, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export type DiffRow = { labelZh: string; labelEn: string; from: string; to: string; bank: boolean };

/**
 * A proposed change as a diff: one row per changed field, the old value struck through
 * on red, the new one on green; bank details flagged (finance approves them).
 */
export function ChangeDiff({ rows, testId = "change-diff" }: { rows: DiffRow[]; testId?: string }) {
  const t = useTranslations("srm.change");
  const zh = useLocale() === "zh-CN";
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[20rem] text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th className="py-1 pr-2 font-normal">{t("field")}</th>
            <th className="px-2 py-1 font-normal">{t("old")}</th>
            <th className="py-1 pl-2 font-normal">{t("new")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.labelZh} className="border-b border-slate-100 align-top last:border-0" data-changed={r.labelZh} data-bank={r.bank || undefined}>
              <td className="whitespace-nowrap py-1.5 pr-2 text-slate-700">
                {zh ? r.labelZh : r.labelEn}
                {r.bank ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">{t("bankFlag")}</span> : null}
              </td>
              <td className="px-2 py-1.5">
                <span className={cn("break-words rounded px-1", r.from ? "bg-red-50 text-red-800 line-through decoration-red-400" : "text-slate-400")} data-testid="diff-old">{r.from || t("empty")}</span>
              </td>
              <td className="py-1.5 pl-2">
                <span className={cn("break-words rounded px-1", r.to ? "bg-green-50 font-medium text-green-800" : "text-slate-400")} data-testid="diff-new">{r.to || t("empty")}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
