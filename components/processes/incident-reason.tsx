import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

/**
 * Why an instance (or a dry run) stopped, in the reader's words: the translated
 * reason, with the engine's technical text folded away for whoever needs it.
 */
export function IncidentReason({ code, detail }: { code: string | null | undefined; detail: string | null | undefined }) {
  const t = useTranslations("processes.incident");
  const known = code && t.has(code) ? code : "engine_error";
  return (
    <Alert>
      <p className="font-medium">{t("title")}</p>
      <p data-testid="incident-reason">{t(known)}</p>
      {detail ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer">{t("details")}</summary>
          <p className="mt-1 whitespace-pre-wrap break-words font-mono">{detail.slice(0, 1000)}</p>
        </details>
      ) : null}
    </Alert>
  );
}
