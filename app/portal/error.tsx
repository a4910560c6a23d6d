"use client";

import { useTranslations } from "next-intl";
import { CrashPage } from "@/components/shell/crash-page";

/**
 * Unexpected failures in the supplier portal, in the portal's wording and leading
 * back to the portal. It sits above app/portal/(app) so that it also catches errors
 * of the portal layout itself, which an error.tsx beside that layout would not.
 */
export default function PortalErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("crash");
  return <CrashPage realm="portal" t={t} error={error} retry={retry} />;
}
