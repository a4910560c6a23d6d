"use client";

import { PlugZap, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { syncNowAction, testConnectionAction } from "@/app/(workbench)/integration/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type TestResult = { ok: true; version: string } | { ok: false; message: string };
type Count = { read: number; written: number };
type SyncResult = { skipped: boolean; masterData: Count; products: Count; suppliers: Count; customers: Count; orders: { seen: number; created: number } };

const rowsOf = (r: SyncResult) => r.masterData.read + r.products.read + r.suppliers.read + r.customers.read + r.orders.seen;

/** Test connection, sync now (incremental) and full sync, with their outcome under the buttons. */
export function ConnectorActions() {
  const t = useTranslations("integration.overview");
  const tk = useTranslations("integration.kind");
  const router = useRouter();
  const test = useAction(testConnectionAction);
  const sync = useAction(syncNowAction);
  const [tested, setTested] = useState<TestResult | null>(null);
  const [synced, setSynced] = useState<SyncResult | null>(null);
  const busy = test.pending || sync.pending;

  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-3">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          disabled={busy}
          data-testid="test-connection"
          onClick={() => {
            setTested(null);
            test.run({}, (r) => {
              setTested(r);
              router.refresh();
            });
          }}
        >
          <PlugZap className="h-4 w-4" aria-hidden />
          {test.pending ? t("testing") : t("test")}
        </Button>
        <Button
          size="sm"
          disabled={busy}
          data-testid="sync-now"
          onClick={() => {
            setSynced(null);
            sync.run({ full: false }, (r) => {
              setSynced(r);
              router.refresh();
            });
          }}
        >
          <RefreshCw className={`h-4 w-4 ${sync.pending ? "animate-spin" : ""}`} aria-hidden />
          {sync.pending ? t("syncing") : t("syncNow")}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={busy}
          data-testid="sync-full"
          onClick={() => {
            setSynced(null);
            sync.run({ full: true }, (r) => {
              setSynced(r);
              router.refresh();
            });
          }}
        >
          {t("syncFull")}
        </Button>
      </div>
      <div aria-live="polite" data-testid="connector-result">
        {tested?.ok ? <Alert tone="success">{t("testOk", { version: tested.version === "builtin" ? tk("builtin") : tested.version })}</Alert> : null}
        {tested && !tested.ok ? (
          <Alert>
            <span className="font-medium">{t("testFailed")}</span>
            <span className="mt-0.5 block text-xs">{t("testFailedHint")}</span>
            <span className="mt-0.5 block break-words font-mono text-xs">{tested.message}</span>
          </Alert>
        ) : null}
        {test.error ? <Alert>{test.error.message}</Alert> : null}
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
