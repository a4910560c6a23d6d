import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { AuditRow } from "@/lib/audit/list-audit";

/** Codes come from the domain (e.g. "employee.deactivate"); unknown ones are shown as they are. */
export function useAuditLabels() {
  const t = useTranslations("admin.audit");
  const key = (code: string) => code.replaceAll(".", "_");
  return {
    action: (code: string) => (t.has(`actions.${key(code)}`) ? t(`actions.${key(code)}`) : code),
    entity: (code: string) => (t.has(`entities.${key(code)}`) ? t(`entities.${key(code)}`) : code),
  };
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <div className="mb-1 text-xs font-medium text-slate-500">{label}</div>
      <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs leading-relaxed text-slate-800">{value == null ? "—" : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

export function AuditEntry({ row }: { row: AuditRow }) {
  const t = useTranslations("admin.audit");
  const format = useFormatter();
  const labels = useAuditLabels();
  const hasDetails = row.before != null || row.after != null;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="audit-entry">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <time dateTime={row.at.toISOString()} className="tabular-nums text-slate-500">
          {format.dateTime(row.at, { dateStyle: "short", timeStyle: "medium" })}
        </time>
        <Badge className="bg-brand-50 text-brand-700" title={row.action}>{labels.action(row.action)}</Badge>
        <span className="text-slate-700">
          {labels.entity(row.entity)}
          {row.entityId ? <span className="ml-1 break-all font-mono text-xs text-slate-400" title={t("record")}>{row.entityId.slice(0, 8)}</span> : null}
        </span>
        <span className="text-slate-600 sm:ml-auto">
          {t("actor")}: {row.actorName ?? (row.actorRealm === "system" ? t("system") : (row.actorId ?? t("system")))}
          <span className="ml-1 text-xs text-slate-400">({t(`realm.${row.actorRealm}`)})</span>
        </span>
      </div>
      {hasDetails ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-brand-700">{t("details")}</summary>
          <div className="mt-2 grid gap-2 md:grid-cols-2">
            <Json label={t("before")} value={row.before} />
            <Json label={t("after")} value={row.after} />
          </div>
        </details>
      ) : null}
    </li>
  );
}
