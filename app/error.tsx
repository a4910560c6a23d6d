"use client";

import { useTranslations } from "next-intl";

/** Unexpected failures: a generic translated message; details are in the server log. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-slate-700">{t("internal")}</p>
      <button type="button" className="text-brand-700 hover:underline" onClick={reset}>↻</button>
    </main>
  );
}
