"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A payload, pretty-printed, in a box that scrolls on its own (never the page). */
export function JsonView({ title, value, testId }: { title: string; value: unknown; testId?: string }) {
  const t = useTranslations("integration.log");
  const [copied, setCopied] = useState(false);
  const truncated = value && typeof value === "object" && (value as { truncated?: unknown }).truncated === true ? (value as { chars?: number; head?: string }) : null;
  const text = value === null || value === undefined ? null : truncated ? String(truncated.head ?? "") : JSON.stringify(value, null, 2);
  return (
    <section className="min-w-0" data-testid={testId}>
      <div className="mb-1 flex min-h-8 items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
        {text ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              void navigator.clipboard?.writeText(text).then(() => setCopied(true));
            }}
          >
            {copied ? <Check className="h-4 w-4" aria-hidden /> : <Copy className="h-4 w-4" aria-hidden />}
            {copied ? t("copied") : t("copy")}
          </Button>
        ) : null}
      </div>
      {truncated ? <p className="mb-1 text-xs text-amber-700">{t("truncated", { chars: truncated.chars ?? 0 })}</p> : null}
      {text ? (
        <pre className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">{text}</pre>
      ) : (
        <p className="rounded-md border border-dashed border-slate-200 p-3 text-sm text-slate-500">{t("noPayload")}</p>
      )}
    </section>
  );
}
