"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ContextItem } from "@/lib/inbox/describe-variables";
import type { DisplayValue } from "@/lib/inbox/format-value";
import { ChangeDiff } from "@/components/srm/change-diff";

/** Lines (order lines, receipt lines) as a small table: item, quantity, unit; a compared line also its quantity and date before. */
function LinesTable({ rows, zh }: { rows: Extract<DisplayValue, { kind: "lines" }>["rows"]; zh: boolean }) {
  const t = useTranslations("inbox.task");
  const locale = zh ? "zh-CN" : "en";
  const compare = rows.some((r) => r.was !== undefined);
  // A date per line (a dates answer) without a comparison: the day as given.
  const dated = compare || rows.some((r) => r.date !== undefined);
  // A calendar day as the rest of the page writes dates (2026年12月23日, Dec 23, 2026).
  const dayText = (d: string | null | undefined) => (d ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`)) : d);
  const qty = (q: number, r: (typeof rows)[number]) => `${q.toLocaleString(locale, { maximumFractionDigits: 4 })} ${zh ? r.unitZh : r.unitEn}`;
  // A changed value stands out; what it was is named beside it, in words.
  const cell = (now: string, was: string | null | undefined) => {
    if (was === undefined || was === null) return now;
    if (was === now)
      return (
        <>
          {now}
          <span className="block text-xs text-slate-500">{t("lineSame")}</span>
        </>
      );
    return (
      <>
        <span className="rounded bg-amber-100 px-1 font-medium text-amber-900">{now}</span>
        <span className="block text-xs text-slate-500">{t("lineWas", { value: was })}</span>
      </>
    );
  };
  return (
    <table className="mt-1 w-full text-sm" data-testid="context-lines">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
          <th className="py-1 pr-2 font-normal">{t("lineItem")}</th>
          <th className="py-1 pl-2 text-right font-normal">{t("lineQuantity")}</th>
          {dated && <th className="py-1 pl-2 text-right font-normal">{t("lineDate")}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="border-b border-slate-100 align-top last:border-0" data-testid="context-line">
            <td className="break-words py-1 pr-2 text-slate-900">{r.item}</td>
            <td className="whitespace-nowrap py-1 pl-2 text-right tabular-nums text-slate-900">{compare ? cell(qty(r.quantity, r), r.was === undefined ? undefined : qty(r.was, r)) : qty(r.quantity, r)}</td>
            {dated && <td className="whitespace-nowrap py-1 pl-2 text-right tabular-nums text-slate-900">{compare ? cell(dayText(r.date) ?? "", dayText(r.wasDate)) : dayText(r.date)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The business record behind the task: what the process declares as its business data, in words. */
export function RecordContext({ items }: { items: ContextItem[] }) {
  const t = useTranslations("inbox.task");
  const zh = useLocale() === "zh-CN";
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("noContext")}</p>;
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2" data-testid="record-context">
      {items.map((i) => (
        <div key={i.name} className={i.value.kind !== "text" ? "min-w-0 sm:col-span-2" : "min-w-0"} data-testid={`context-${i.name}`}>
          <dt className="text-xs text-slate-500">{zh ? i.labelZh : i.labelEn}</dt>
          <dd className="whitespace-pre-wrap break-words text-slate-900">
            {i.value.kind === "lines" ? <LinesTable rows={i.value.rows} zh={zh} /> : i.value.kind === "changes" ? <ChangeDiff rows={i.value.rows} /> : zh ? i.value.zh : i.value.en}
          </dd>
        </div>
      ))}
    </dl>
  );
}
