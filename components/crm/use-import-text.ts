"use client";

import { useTranslations } from "next-intl";

/**
 * The importer's texts for a target: crmImport's, with the lead import's own wording
 * (leadImport) where it has one.
 */
export function useImportText(target: string) {
  const base = useTranslations("crmImport");
  const lead = useTranslations("leadImport");
  return (key: string, params?: Record<string, string | number>) => (target === "lead" && lead.has(key as never) ? lead(key as never, params as never) : base(key as never, params as never));
}
