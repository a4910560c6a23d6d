import { Menu } from "lucide-react";
import Link from "next/link";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/**
 * Shared frame of the workbench and the portal: a side bar on desktop, a menu
 * that folds open (no script needed) on a phone.
 */
export function AppShell(props: {
  brand: string;
  home: string;
  loginPath: string;
  items: NavItem[];
  userLabel: string;
  menuLabel: string;
  tone?: "workbench" | "portal";
  /** Optional header slot before the language switch, e.g. the notification bell. */
  bell?: React.ReactNode;
  children: React.ReactNode;
}) {
  const dark = props.tone === "portal" ? "bg-emerald-900" : "bg-brand-900";
  return (
    <div className="min-h-screen md:flex">
      <aside className={`hidden w-56 shrink-0 flex-col ${dark} text-white md:flex`}>
        <Link href={props.home} className="px-5 py-5 text-lg font-bold">{props.brand}</Link>
        <nav className="flex-1 px-2"><NavLinks items={props.items} /></nav>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="sticky top-0 z-10 border-b border-slate-200 bg-white">
          <div className="flex h-14 items-center justify-between gap-2 px-4">
            <details className="relative md:hidden">
              <summary className="flex h-10 w-10 cursor-pointer list-none items-center justify-center rounded hover:bg-slate-100" aria-label={props.menuLabel} data-testid="mobile-menu">
                <Menu className="h-5 w-5" />
              </summary>
              <nav className={`absolute left-0 top-12 w-60 rounded-md ${dark} p-2 text-white shadow-lg`}>
                <NavLinks items={props.items} />
              </nav>
            </details>
            <Link href={props.home} className="truncate font-semibold text-slate-800 md:hidden">{props.brand}</Link>
            {/* Tighter on a phone, so that the bell fits next to the brand without squeezing it away. */}
            <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
              <span className="hidden truncate text-sm text-slate-600 sm:inline" data-testid="current-user">{props.userLabel}</span>
              {props.bell}
              <LocaleSwitcher className="[&>svg]:hidden sm:[&>svg]:block" />
              <SignOutButton loginPath={props.loginPath} />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-6xl p-4 md:p-6">{props.children}</main>
      </div>
    </div>
  );
}
