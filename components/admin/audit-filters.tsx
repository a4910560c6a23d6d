"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { AuditQuery } from "@/lib/audit/list-audit";
import { useAuditLabels } from "./audit-entry";

/** A plain GET form (works without script); with script, a change applies at once. */
export function AuditFilters({ query, entities, actions }: { query: AuditQuery; entities: string[]; actions: string[] }) {
  const t = useTranslations("admin");
  const labels = useAuditLabels();
  return (
    <form method="get" action="/admin/audit" className="flex flex-col gap-2 sm:flex-row sm:items-center" data-testid="audit-filters">
      <Select
        name="entity"
        aria-label={t("audit.entity")}
        className="sm:w-56"
        defaultValue={query.entity}
        onChange={(e) => {
          // Actions differ per record type: a new type starts with all its actions.
          const action = e.currentTarget.form?.elements.namedItem("action") as HTMLSelectElement | null;
          if (action) action.value = "";
          e.currentTarget.form?.requestSubmit();
        }}
      >
        <option value="">{t("audit.allEntities")}</option>
        {entities.map((e) => <option key={e} value={e}>{labels.entity(e)}</option>)}
      </Select>
      <Select name="action" aria-label={t("audit.action")} className="sm:w-56" defaultValue={query.action} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        <option value="">{t("audit.allActions")}</option>
        {actions.map((a) => <option key={a} value={a}>{labels.action(a)}</option>)}
      </Select>
      <Button type="submit" variant="secondary">{t("list.filter")}</Button>
    </form>
  );
}
