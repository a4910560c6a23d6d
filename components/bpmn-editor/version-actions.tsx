"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { migrateAction, rollbackAction } from "@/app/(workbench)/processes/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Roll back: republish this version's diagram as a new version. */
export function RollbackButton({ processKey, version }: { processKey: string; version: number }) {
  const t = useTranslations("processes.versions");
  const { run, pending, error } = useAction(rollbackAction);
  const [done, setDone] = useState<number | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        data-testid={`rollback-${version}`}
        onClick={() => window.confirm(t("rollbackConfirm", { version })) && run({ key: processKey, version }, (r) => setDone(r.version))}
      >
        {t("rollback")}
      </Button>
      {done ? <span className="text-xs text-green-700">{t("rolledBack", { version: done })}</span> : null}
      {error ? <span className="text-xs text-red-600">{error.message}</span> : null}
    </span>
  );
}

/** Moves the running instances of one version onto the latest version, where their waiting steps still exist. */
export function MigrateButton({ processKey, fromVersion, toVersion }: { processKey: string; fromVersion: number; toVersion: number }) {
  const t = useTranslations("processes.versions");
  const { run, pending, error } = useAction(migrateAction);
  const [result, setResult] = useState<{ migrated: string[]; skipped: { id: string; missing: string[] }[] } | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        data-testid={`migrate-${fromVersion}`}
        onClick={() => window.confirm(t("migrateConfirm", { from: fromVersion, to: toVersion })) && run({ key: processKey, fromVersion, toVersion }, setResult)}
      >
        {t("migrate", { to: toVersion })}
      </Button>
      {result ? (
        <Alert tone={result.skipped.length ? "info" : "success"}>
          {t("migrated", { migrated: result.migrated.length, skipped: result.skipped.length })}
          {result.skipped.some((s) => s.missing.length) ? ` ${t("missing", { ids: [...new Set(result.skipped.flatMap((s) => s.missing))].join(", ") })}` : ""}
        </Alert>
      ) : null}
      {error ? <span className="text-xs text-red-600">{error.message}</span> : null}
    </span>
  );
}
