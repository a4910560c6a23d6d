"use client";

import { Bookmark, Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { deleteViewAction, saveViewAction } from "@/app/(workbench)/views/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SavedView } from "@/lib/views/list-views";
import { viewSearch } from "@/lib/views/view-search";

/**
 * The employee's saved views of a list as chips: a view is the list's URL search
 * params, applied by following its link; the current search is saved under a name.
 * Load the views on the page with listViews(db, actor, listKey).
 */
export function SavedViews({ listKey, views }: { listKey: string; views: SavedView[] }) {
  const t = useTranslations("views");
  const tc = useTranslations("common");
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useAction(saveViewAction);
  const remove = useAction(deleteViewAction);
  const current = viewSearch(params);

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="saved-views">
      <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-500">
        <Bookmark className="h-3.5 w-3.5" aria-hidden />
        {t("title")}
      </span>
      {views.length === 0 ? <span className="text-xs text-slate-400">{t("none")}</span> : null}
      <ul className="flex min-w-0 flex-wrap gap-1.5">
        {views.map((v) => (
          <li key={v.id} className={cn("inline-flex max-w-full items-center rounded-full border text-sm", v.search === current ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white")} data-testid="saved-view">
            <Link href={v.search ? `${pathname}?${v.search}` : pathname} className="min-w-0 truncate py-0.5 pl-3 pr-2 hover:underline" aria-current={v.search === current ? "true" : undefined}>
              {v.name}
            </Link>
            <button
              type="button"
              className="mr-1 rounded-full p-0.5 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
              aria-label={t("deleteNamed", { name: v.name })}
              disabled={remove.pending}
              onClick={() => remove.run({ id: v.id }, () => router.refresh())}
            >
              <X className="h-3.5 w-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        data-testid="save-view"
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
          <DialogContent title={t("saveTitle")} description={t("saveHint")} closeLabel={tc("close")}>
            <form
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                const name = String(new FormData(e.currentTarget).get("name") ?? "");
                save.run({ listKey, name, search: current }, () => {
                  setOpen(false);
                  setNotice(t("saved", { name: name.trim() }));
                  router.refresh();
                });
              }}
            >
              {save.error && !save.error.fieldErrors?.name ? <Alert>{save.error.message}</Alert> : null}
              <Field id="view-name" label={t("name")} error={save.fieldError("name")}>
                <Input id="view-name" name="name" maxLength={40} required autoFocus aria-invalid={!!save.fieldError("name")} />
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
