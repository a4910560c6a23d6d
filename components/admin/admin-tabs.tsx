"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The admin sub-navigation: one row that scrolls sideways on a phone. `active` decides for tabs that differ by query only. */
export function AdminTabs({ items, label }: { items: { href: string; label: string; exact?: boolean; active?: boolean }[]; label: string }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 mb-4 overflow-x-auto border-b border-slate-200 px-4 md:mx-0 md:px-0">
      <ul className="flex min-w-max gap-1">
        {items.map((i) => {
          const current = i.active ?? (path === i.href || (!i.exact && path.startsWith(i.href + "/")));
          return (
            <li key={i.href}>
              <Link
                href={i.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block whitespace-nowrap border-b-2 px-3 py-2 text-sm",
                  current ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {i.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
