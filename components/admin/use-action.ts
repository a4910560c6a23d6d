"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionError, ActionResult } from "@/lib/auth/action-client";

/**
 * Runs a server action and keeps its translated error and field errors for the
 * form. The action revalidates the page itself; `onSuccess` closes dialogs.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const t = useTranslations("errors");
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const run = (input: I, onSuccess?: (data: T) => void) =>
    start(async () => {
      setError(null);
      let res: ActionResult<T>;
      try {
        res = await action(input);
      } catch {
        // The request itself failed (network, server restarting): nothing was saved.
        res = { ok: false, error: { code: "internal", message: t("internal") } };
      }
      if (res.ok) onSuccess?.(res.data);
      else setError(res.error);
    });
  return {
    run,
    pending,
    error,
    fieldError: (name: string) => error?.fieldErrors?.[name],
    reset: () => setError(null),
  };
}
