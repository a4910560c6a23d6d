"use client";

import { X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import { cn } from "./cn";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;

/**
 * A modal panel: centred on a desktop, nearly full-screen and scrolling on a
 * phone. `title` is required so that screen readers announce the dialog.
 */
export function DialogContent({
  title,
  description,
  closeLabel,
  className,
  children,
}: {
  title: string;
  description?: string;
  closeLabel: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <D.Content
        // Without a description, tell Radix so explicitly (it warns otherwise).
        {...(description ? {} : { "aria-describedby": undefined })}
        className={cn(
          "fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-1rem)] w-[calc(100vw-1rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl focus:outline-none",
          className,
        )}
      >
        <div className="flex items-start justify-between gap-2 border-b border-slate-200 px-4 py-3">
          <div className="min-w-0">
            <D.Title className="text-base font-semibold text-slate-900">{title}</D.Title>
            {description ? <D.Description className="mt-0.5 text-sm text-slate-500">{description}</D.Description> : null}
          </div>
          <D.Close className="-mr-1 rounded p-1 text-slate-500 hover:bg-slate-100" aria-label={closeLabel}>
            <X className="h-5 w-5" aria-hidden />
          </D.Close>
        </div>
        <div className="min-h-0 overflow-y-auto px-4 py-4">{children}</div>
      </D.Content>
    </D.Portal>
  );
}
