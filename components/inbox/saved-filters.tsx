"use client";

import { Bookmark, Plus, Users, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { deleteFilterAction, saveFilterAction } from "@/app/(workbench)/inbox/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { TaskQuery } from "@/lib/inbox/inbox.schema";
import type { SavedFilterRow } from "@/lib/inbox/list-saved-filters";
import { inboxSearch } from "./inbox-query";

export type GroupOption = { key: string; nameZh: string; nameEn: string };

/** Saved inbox filters as chips (own and shared with the user's groups), and saving the current one. */
export function SavedFilters({ filters, groups, query }: { filters: SavedFilterRow[]; groups: GroupOption[]; query: TaskQuery }) {
  const t = useTranslations("inbox.saved");
  const tc = useTranslations("common");
  const zh = useLocale() === "zh-CN";
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useAction(saveFilterAction);
  const remove = useAction(deleteFilterAction);
  const groupName = (key: string | null) => {
    const g = groups.find((x) => x.key === key);
    return g ? (zh ? g.nameZh : g.nameEn) : (key ?? "");
  };
  const current = inboxSearch({ ...query, page: 1 });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="saved-filters">
      <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-500">
        <Bookmark className="h-3.5 w-3.5" aria-hidden />
        {t("title")}
      </span>
      {filters.length === 0 ? <span className="text-xs text-slate-400">{t("none")}</span> : null}
      <ul className="flex min-w-0 flex-wrap gap-1.5">
        {filters.map((f) => {
          const href = inboxSearch(f.query);
          const active = href === current;
          return (
            <li key={f.id} className={cn("inline-flex max-w-full items-center rounded-full border text-sm", active ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white")} data-testid="saved-filter">
              <Link
                href={`${pathname}${href}`}
                className="min-w-0 truncate py-0.5 pl-3 pr-2 hover:underline"
                title={f.mine ? (f.sharedGroupKey ? t("sharedWith", { group: groupName(f.sharedGroupKey) }) : undefined) : t("sharedBy", { name: f.ownerName ?? "—" })}
              >
                {f.name}
              </Link>
              {f.sharedGroupKey ? <Users className="mr-1.5 h-3.5 w-3.5 shrink-0 text-slate-400" aria-label={f.mine ? t("sharedWith", { group: groupName(f.sharedGroupKey) }) : t("sharedBy", { name: f.ownerName ?? "—" })} /> : null}
              {f.mine ? (
                <button
                  type="button"
                  className="mr-1 rounded-full p-0.5 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
                  aria-label={t("deleteNamed", { name: f.name })}
                  disabled={remove.pending}
                  onClick={() => remove.run({ id: f.id })}
                >
                  <X className="h-3.5 w-3.5" aria-hidden />
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        data-testid="save-filter"
        onClick={() => {
          save.reset();
          setOpen(true);
        }}
      >
        <Plus className="h-4 w-4" aria-hidden />
        {t("save")}
      </Button>
      {remove.error ? <Alert>{remove.error.message}</Alert> : null}
      {notice ? <span role="status" className="text-xs text-green-700">{notice}</span> : null}

      <Dialog open={open} onOpenChange={setOpen}>
        {open ? (
          <DialogContent title={t("saveTitle")} closeLabel={tc("close")}>
            <form
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                const fd = new FormData(e.currentTarget);
                const name = String(fd.get("name") ?? "");
                save.run({ name, sharedGroupKey: String(fd.get("sharedGroupKey") ?? ""), query: { ...query, page: 1 } }, () => {
                  setOpen(false);
                  setNotice(t("saved", { name: name.trim() }));
                });
              }}
            >
              {save.error && !save.error.fieldErrors?.name ? <Alert>{save.error.message}</Alert> : null}
              <Field id="filter-name" label={t("name")} error={save.fieldError("name")}>
                <Input id="filter-name" name="name" maxLength={60} required autoFocus aria-invalid={!!save.fieldError("name")} />
              </Field>
              <Field id="filter-share" label={t("share")} error={save.fieldError("sharedGroupKey")}>
                <Select id="filter-share" name="sharedGroupKey" defaultValue="">
                  <option value="">{t("private")}</option>
                  {groups.map((g) => (
                    <option key={g.key} value={g.key}>{zh ? g.nameZh : g.nameEn}</option>
                  ))}
                </Select>
              </Field>
              <div className="flex justify-end gap-2">
                <Button type="button" variant="secondary" onClick={() => setOpen(false)}>{tc("cancel")}</Button>
                <Button type="submit" disabled={save.pending}>{tc("save")}</Button>
              </div>
            </form>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
