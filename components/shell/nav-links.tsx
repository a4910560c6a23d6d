"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

export function NavLinks({ items }: { items: NavItem[] }) {
  const path = usePathname();
  const matches = (href: string) => (href === "/" || href === "/portal" ? path === href : path === href || path.startsWith(href + "/"));
  // The most specific item is the current one (/srm/receive, not also /srm).
  const currentHref = items.map((i) => i.href).filter(matches).sort((a, b) => b.length - a.length)[0];
  return (
    <ul className="space-y-1">
      {items.map((i) => {
        const current = i.href === currentHref;
        return (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={current ? "page" : undefined}
              // The shell's layout stays mounted across navigation, so the phone menu
              // (a <details>) would stay open over the next page; fold it away.
              onClick={(e) => e.currentTarget.closest("details")?.removeAttribute("open")}
              className={`block rounded px-3 py-2 text-sm ${current ? "bg-white/15 font-medium" : "text-white/80 hover:bg-white/10"}`}
            >
              {i.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
