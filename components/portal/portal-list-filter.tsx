import { useTranslations } from "next-intl";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";

/** A portal list's filter bar: a status (its options already in words) and a number search. */
export function PortalListFilter({ path, status, q, statuses, qLabel }: { path: string; status?: string; q: string; statuses?: { value: string; label: string }[]; qLabel: string }) {
  const t = useTranslations("portalPages.filter");
  return (
    <FilterForm className="grid-cols-1 sm:grid-cols-3" actionsClassName="sm:col-span-3" submitLabel={t("search")} resetLabel={t("reset")} resetHref={path}>
      {statuses ? (
        <div>
          <Label htmlFor="f-status">{t("status")}</Label>
          <Select id="f-status" name="status" defaultValue={status}>
            <option value="all">{t("all")}</option>
            {statuses.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </Select>
        </div>
      ) : null}
      <div className={statuses ? "sm:col-span-2" : "sm:col-span-3"}>
        <Label htmlFor="f-q">{qLabel}</Label>
        <Input id="f-q" name="q" defaultValue={q} maxLength={100} />
      </div>
    </FilterForm>
  );
}
