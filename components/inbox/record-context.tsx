"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ContextItem } from "@/lib/inbox/describe-variables";

/** The business record behind the task: the instance's data as label/value pairs. */
export function RecordContext({ items }: { items: ContextItem[] }) {
  const t = useTranslations("inbox.task");
  const zh = useLocale() === "zh-CN";
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("noContext")}</p>;
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2" data-testid="record-context">
      {items.map((i) => (
        <div key={i.name} className="min-w-0" data-testid={`context-${i.name}`}>
          <dt className="text-xs text-slate-500">{zh ? i.labelZh : i.labelEn}</dt>
          <dd className="whitespace-pre-wrap break-words text-slate-900">{zh ? i.valueZh : i.valueEn}</dd>
        </div>
      ))}
    </dl>
  );
}
