"use client";

import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { syncNowAction } from "@/app/(workbench)/integration/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TestConnectionButton, TestConnectionResult, useConnectionTest, type ConnectionTest } from "./test-connection-button";

type Count = { read: number; written: number };
type SyncResult = { skipped: boolean; masterData: Count; products: Count; suppliers: Count; customers: Count; orders: { seen: number; created: number } };

const rowsOf = (r: SyncResult) => r.masterData.read + r.products.read + r.suppliers.read + r.customers.read + r.orders.seen;

/** Test connection, sync now (incremental) and full sync, with their outcome under the buttons. */
export function ConnectorActions() {
  const t = useTranslations("integration.overview");
  const router = useRouter();
  const test = useConnectionTest();
  const sync = useAction(syncNowAction);
  const [synced, setSynced] = useState<SyncResult | null>(null);
  const busy = test.pending || sync.pending;
  // Only the latest action's outcome is shown: each clears the other's.
  const runSync = (full: boolean) => {
    test.clear();
    setSynced(null);
    sync.run({ full }, (r) => {
      setSynced(r);
      router.refresh();
    });
  };
  const testOnly: ConnectionTest = {
    ...test,
    run: () => {
      setSynced(null);
      sync.reset();
      test.run();
    },
  };

  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-3">
      <div className="flex flex-wrap gap-2">
        <TestConnectionButton test={testOnly} disabled={busy} size="sm" testId="test-connection" />
        <Button
          size="sm"
          disabled={busy}
          data-testid="sync-now"
          onClick={() => runSync(false)}
        >
          <RefreshCw className={`h-4 w-4 ${sync.pending ? "animate-spin" : ""}`} aria-hidden />
          {sync.pending ? t("syncing") : t("syncNow")}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={busy}
          data-testid="sync-full"
          onClick={() => runSync(true)}
        >
          {t("syncFull")}
        </Button>
      </div>
      <div aria-live="polite" data-testid="connector-result">
        <TestConnectionResult test={test} />
        {synced ? <Alert tone="success">{synced.skipped ? t("syncBuiltin") : t("syncDoneRows", { rows: rowsOf(synced) })}</Alert> : null}
        {sync.error ? (
          <Alert>
            <span className="font-medium">{t("syncFailed")}</span>
            <span className="mt-0.5 block break-words text-xs">{sync.error.message}</span>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
