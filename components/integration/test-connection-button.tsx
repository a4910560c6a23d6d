"use client";

import { PlugZap } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { testConnectionAction } from "@/app/(workbench)/integration/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type TestResult = { ok: true; version: string } | { ok: false; message: string };

/**
 * The state of one connection test, shared by its button and its outcome: the two
 * sit in different places (the outcome joins the form's other messages).
 */
export function useConnectionTest() {
  const router = useRouter();
  const action = useAction(testConnectionAction);
  const [result, setResult] = useState<TestResult | null>(null);
  return {
    pending: action.pending,
    error: action.error,
    result,
    run: () => {
      setResult(null);
      action.run({}, (r) => {
        setResult(r);
        // The health badge and the last check shown by the page changed.
        router.refresh();
      });
    },
    clear: () => {
      setResult(null);
      action.reset();
    },
  };
}

export type ConnectionTest = ReturnType<typeof useConnectionTest>;

export function TestConnectionButton({ test, disabled, size, testId }: { test: ConnectionTest; disabled?: boolean; size?: "sm"; testId: string }) {
  const t = useTranslations("integration.overview");
  return (
    <Button type="button" variant="secondary" size={size} disabled={disabled || test.pending} data-testid={testId} onClick={test.run}>
      <PlugZap className="h-4 w-4" aria-hidden />
      {test.pending ? t("testing") : t("test")}
    </Button>
  );
}

/** The test's outcome; the ERP's own message is shown as is, under a hint of what to check. */
export function TestConnectionResult({ test }: { test: ConnectionTest }) {
  const t = useTranslations("integration");
  const { result, error } = test;
  return (
    <>
      {result?.ok ? <Alert tone="success">{t("overview.testOk", { version: result.version === "builtin" ? t("kind.builtin") : result.version })}</Alert> : null}
      {result && !result.ok ? (
        <Alert>
          <span className="font-medium" data-testid="test-failed">{t("overview.testFailed")}</span>
          <span className="mt-0.5 block text-xs">{t("overview.testFailedHint")}</span>
          <span className="mt-0.5 block break-words font-mono text-xs">{result.message}</span>
        </Alert>
      ) : null}
      {error ? <Alert>{error.message}</Alert> : null}
    </>
  );
}
