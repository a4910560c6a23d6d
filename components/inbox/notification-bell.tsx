"use client";

import { Bell } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Popover } from "radix-ui";
import { useState } from "react";
import type { NotificationRow } from "@/lib/inbox/list-notifications";
import { NotificationItem, useNotificationActions, type MarkAllRead, type MarkRead } from "./notification-list";

/** The header bell: unread count, the latest notifications, mark read by opening one or all at once. */
export function NotificationBell(props: { unread: number; items: NotificationRow[]; markRead: MarkRead; markAllRead: MarkAllRead; allHref?: string }) {
  const t = useTranslations("inbox.notifications");
  const [open, setOpen] = useState(false);
  const actions = useNotificationActions(props.markRead, props.markAllRead, () => setOpen(false));
  const count = props.unread > 99 ? "99+" : String(props.unread);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        className="relative flex h-9 w-9 items-center justify-center rounded text-slate-600 hover:bg-slate-100"
        aria-label={props.unread ? t("bellUnread", { count: props.unread }) : t("bell")}
        data-testid="notification-bell"
      >
        <Bell className="h-5 w-5" aria-hidden />
        {props.unread ? (
          <span className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white tabular-nums" data-testid="notification-count">
            {count}
          </span>
        ) : null}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} collisionPadding={8} className="z-40 w-80 max-w-[calc(100vw-1rem)] overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg" data-testid="notification-panel">
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <span className="text-sm font-semibold">{t("title")}</span>
            <button type="button" className="text-xs text-brand-700 hover:underline disabled:opacity-50" disabled={!props.unread || actions.pending} onClick={actions.readAll} data-testid="bell-mark-all-read">
              {t("markAllRead")}
            </button>
          </div>
          {actions.error ? <p role="alert" className="px-3 py-2 text-xs text-red-700">{actions.error.message}</p> : null}
          {props.items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-500">{t("empty")}</p>
          ) : (
            <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
              {props.items.map((n) => (
                <li key={n.id}><NotificationItem n={n} onOpen={actions.open} /></li>
              ))}
            </ul>
          )}
          {props.allHref ? (
            <Link href={props.allHref} className="block border-t border-slate-200 px-3 py-2 text-center text-sm text-brand-700 hover:bg-slate-50" onClick={() => setOpen(false)}>
              {t("all")}
            </Link>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
