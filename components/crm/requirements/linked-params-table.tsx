import { useLocale, useTranslations } from "next-intl";
import type { LinkedParam } from "@/lib/crm/requirements/linked-params";

/** The library's parameters of a requirement, read-only and marked as linked. */
export function LinkedParamsTable({ params }: { params: LinkedParam[] }) {
  const t = useTranslations("requirements.params");
  const locale = useLocale();
  if (!params.length) return <p className="text-sm text-slate-500">{t("noneLinked")}</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="linked-params">
      {params.map((p) => (
        <div key={p.key} className="contents">
          <dt className="text-slate-500">{locale === "en" ? p.labelEn : p.labelZh}</dt>
          <dd className="flex items-center gap-2">
            <span>{p.value || "—"}</span>
            <span className="rounded bg-sky-50 px-1.5 text-xs text-sky-700">{t("linked")}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
