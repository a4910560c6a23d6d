"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions/locale";
import { LOCALES } from "@/lib/i18n/locales";

export function LocaleSwitcher({ className }: { className?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className={`inline-flex items-center gap-1 text-sm text-slate-600 ${className ?? ""}`}>
      <Languages className="h-4 w-4" aria-hidden />
      <span className="sr-only">{t("nav.language")}</span>
      <select
        aria-label={t("nav.language")}
        data-testid="locale-switcher"
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-sm"
        value={locale}
        disabled={pending}
        onChange={(e) =>
          start(async () => {
            await setLocaleAction({ locale: e.target.value });
            router.refresh();
          })
        }
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>{t(`locale.${l}`)}</option>
        ))}
      </select>
    </label>
  );
}
