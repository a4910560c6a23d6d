"use client";

import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { CrashPage, type CrashKey } from "@/components/shell/crash-page";
import { DEFAULT_LOCALE, LOCALE_COOKIE, toLocale, type Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/crash.en.json";
import zhCN from "@/lib/i18n/messages/crash.zh-CN.json";
import "./globals.css";

const MESSAGES: Record<Locale, Record<CrashKey, string>> = { "zh-CN": zhCN.crash, en: en.crash };

/** The language the user chose, from the cookie the server reads too (lib/i18n/request.ts). */
function cookieLocale(): Locale {
  const pair = document.cookie.split("; ").find((c) => c.startsWith(`${LOCALE_COOKIE}=`));
  return toLocale(pair ? decodeURIComponent(pair.slice(LOCALE_COOKIE.length + 1)) : undefined);
}
const unchanging = () => () => {};

/**
 * The root layout itself failed: this page replaces it, so it brings its own
 * document and styles and cannot use the next-intl provider.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(unchanging, cookieLocale, () => DEFAULT_LOCALE);
  const pathname = usePathname() ?? "";
  const realm = pathname === "/portal" || pathname.startsWith("/portal/") ? "portal" : "workbench";
  const messages = MESSAGES[locale];
  return (
    <html lang={locale}>
      <body>
        <title>{messages.title}</title>
        <CrashPage realm={realm} t={(key) => messages[key]} error={error} retry={retry} />
      </body>
    </html>
  );
}
