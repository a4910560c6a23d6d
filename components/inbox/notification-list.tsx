"use client";

import { Bell, CheckCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/auth/action-client";
import type { NotificationRow } from "@/lib/inbox/list-notifications";
import { DateTime } from "./format-date";

export type MarkRead = (input: { id: string }) => Promise<ActionResult<{ id: string; link: string | null }>>;
export type MarkAllRead = (input: Record<string, never>) => Promise<ActionResult<{ count: number }>>;

export function useNotificationActions(markRead: MarkRead, markAllRead: MarkAllRead, onNavigate?: () => void) {
  const router = useRouter();
  const one = useAction(markRead);
  const all = useAction(markAllRead);
  return {
    open: (n: NotificationRow) =>
      one.run({ id: n.id }, (r) => {
        onNavigate?.();
        if (r.link) router.push(r.link);
      }),
    readAll: () => all.run({}),
    pending: one.pending || all.pending,
    error: one.error ?? all.error,
  };
}

/**
 * One notification: what kind, the step, and the record it is about (business key and
 * subject), so that eight "采购部审核" tell apart. One whose task no longer waits for
 * the reader is shown as done.
 */
export function NotificationItem({ n, onOpen }: { n: NotificationRow; onOpen: (n: NotificationRow) => void }) {
  const t = useTranslations("inbox.notifications");
  // Message keys cannot hold dots: "task.offered" is kinds.task_offered.
  const kind = `kinds.${n.kind.replace(/\./g, "_")}`;
  const quiet = n.read || n.done;
  const record = [n.businessKey, n.subject].filter(Boolean).join(" · ");
  return (
    <button
      type="button"
      onClick={() => onOpen(n)}
      className={cn("flex w-full items-start gap-2 px-3 py-2 text-left hover:bg-slate-50", !quiet && "bg-brand-50/60")}
      data-testid="notification"
      data-read={n.read ? "true" : "false"}
      data-done={n.done ? "true" : "false"}
    >
      <span className={cn("mt-1.5 h-2 w-2 shrink-0 rounded-full", quiet ? "bg-transparent" : "bg-brand-600")} aria-hidden />
      <span className="min-w-0 flex-1">
        <span className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
          <span>{t.has(kind) ? t(kind) : t("kinds.other")}</span>
          {n.done ? <span className="rounded bg-slate-100 px-1 text-slate-600" data-testid="notification-done">{t("done")}</span> : null}
        </span>
        <span className={cn("block break-words text-sm", quiet ? "text-slate-700" : "font-medium text-slate-900")}>{n.title}</span>
        {record ? <span className="block break-words text-sm text-slate-600" data-testid="notification-record">{record}</span> : null}
        <span className="block text-xs text-slate-400"><DateTime value={n.createdAt} /></span>
      </span>
    </button>
  );
}

/** The full notification list of the signed-in user. */
export function NotificationList({ items, unread, markRead, markAllRead }: { items: NotificationRow[]; unread: number; markRead: MarkRead; markAllRead: MarkAllRead }) {
  const t = useTranslations("inbox.notifications");
  const actions = useNotificationActions(markRead, markAllRead);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm text-slate-600" data-testid="unread-count">{t("unread", { count: unread })}</span>
        <Button size="sm" variant="secondary" disabled={unread === 0 || actions.pending} onClick={actions.readAll} data-testid="mark-all-read">
          <CheckCheck className="h-4 w-4" aria-hidden />
          {t("markAllRead")}
        </Button>
      </div>
      {actions.error ? <Alert>{actions.error.message}</Alert> : null}
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        {items.length === 0 ? (
          <p className="flex items-center gap-2 p-6 text-sm text-slate-500">
            <Bell className="h-4 w-4" aria-hidden />
            {t("empty")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((n) => (
              <li key={n.id}><NotificationItem n={n} onOpen={actions.open} /></li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
