"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { setGroupMembersAction } from "@/app/(workbench)/admin/groups/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxList } from "@/components/ui/checkbox-list";
import { FieldError, Input } from "@/components/ui/input";
import type { EmployeeChoice } from "@/lib/org/list-employee-choices";
import type { GroupRow } from "@/lib/org/list-groups";
import { useAction } from "./use-action";

/** Picks a group's members from all employees; the search only narrows what is shown, never the selection. */
export function GroupMembersForm({ group, people, onDone }: { group: GroupRow; people: EmployeeChoice[]; onDone: () => void }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const save = useAction(setGroupMembersAction);
  const [selected, setSelected] = useState<string[]>(group.memberIds);
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const shown = people.filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.username.includes(needle));
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.run({ id: group.id, employeeIds: selected }, onDone);
      }}
    >
      {save.error ? <Alert>{save.error.message}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Input type="search" className="sm:max-w-xs" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t("groups.searchMembers")} aria-label={t("groups.searchMembers")} />
        <span className="text-sm text-slate-600" aria-live="polite">{t("form.selected", { count: selected.length })}</span>
      </div>
      {shown.length ? (
        <CheckboxList
          legend={t("groups.members")}
          className="max-h-[50vh] overflow-y-auto"
          value={selected}
          onChange={setSelected}
          invalid={!!save.fieldError("employeeIds")}
          options={shown.map((p) => ({ value: p.id, label: `${p.name} (${p.username})`, hint: p.active ? undefined : t("form.inactiveSuffix") }))}
        />
      ) : (
        <p className="py-4 text-center text-sm text-slate-500">{t("groups.noMatch")}</p>
      )}
      <FieldError message={save.fieldError("employeeIds")} />
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>{tc("cancel")}</Button>
        <Button type="submit" disabled={save.pending} data-testid="group-members-save">{save.pending ? t("form.saving") : tc("save")}</Button>
      </div>
    </form>
  );
}
