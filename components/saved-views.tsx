"use client";

import { Bookmark, X } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { deleteViewAction, saveViewAction } from "@/app/(workbench)/views/actions";
import { useAction } from "@/components/admin/use-action";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import type { ListKey, SavedView } from "@/lib/views/saved-views";

/**
 * A list's saved views (lib/views): each a link to the list with its filters, the current
 * filters saved under a name, and deleting one's own. Any list passes its key, its path
 * and its current filters.
 */
export function SavedViews({ listKey, path, views, current }: { listKey: ListKey; path: string; views: SavedView[]; current: Record<string, string> }) {
  const t = useTranslations("views");
  const save = useAction(saveViewAction);
  const remove = useAction(deleteViewAction);
  const [name, setName] = useState("");
  const here = listHref(path, current);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="saved-views">
      <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-500">
        <Bookmark className="h-3.5 w-3.5" aria-hidden />
        {t("title")}
      </span>
      {views.length === 0 ? <span className="text-xs text-slate-400">{t("none")}</span> : null}
      <ul className="flex min-w-0 flex-wrap gap-1.5">
        {views.map((v) => {
          const href = listHref(path, v.query);
          return (
            <li key={v.id} className={cn("inline-flex max-w-full items-center rounded-full border text-sm", href === here ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white")} data-testid="saved-view">
              <Link href={href} className="min-w-0 truncate py-0.5 pl-3 pr-2 hover:underline">{v.name}</Link>
              <button type="button" className="mr-1 rounded-full p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700" aria-label={t("delete", { name: v.name })} disabled={remove.pending} onClick={() => remove.run({ listKey, path, id: v.id })}>
                <X className="h-3.5 w-3.5" aria-hidden />
              </button>
            </li>
          );
        })}
      </ul>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          save.run({ listKey, path, name, query: current }, () => setName(""));
        }}
      >
        <Input aria-label={t("name")} placeholder={t("name")} value={name} onChange={(e) => setName(e.target.value)} maxLength={40} className="h-8 w-36" data-testid="saved-view-name" />
        <Button type="submit" size="sm" variant="secondary" disabled={save.pending || !name.trim()} data-testid="saved-view-save">{t("save")}</Button>
      </form>
      {save.error || remove.error ? <span role="alert" className="text-xs text-red-700">{save.fieldError("name") ?? save.error?.message ?? remove.error?.message}</span> : null}
    </div>
  );
}
