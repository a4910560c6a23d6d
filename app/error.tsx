"use client";

import { useTranslations } from "next-intl";
import { CrashPage } from "@/components/shell/crash-page";

/** Unexpected failures in the workbench (and anything else under the root layout); the details are in the server log under the reference shown. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("crash");
  return <CrashPage realm="workbench" t={t} error={error} retry={retry} />;
}
