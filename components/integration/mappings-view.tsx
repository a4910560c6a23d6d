"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { deleteMappingAction } from "@/app/(workbench)/integration/mappings/actions";
import { useAction } from "@/components/admin/use-action";
import { DateTime } from "@/components/inbox/format-date";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Select } from "@/components/ui/input";
import { MASTER_KINDS } from "@/lib/erp/centre/centre.schema";
import type { MappingList, MappingRow } from "@/lib/erp/centre/list-mappings";
import { DataTable, type Features } from "./data-table";
import { MappingForm } from "./mapping-form";

const helper = createColumnHelper<Features, MappingRow>();

function DeleteButton({ row }: { row: MappingRow }) {
  const t = useTranslations("integration.mappings");
  const { run, pending, error } = useAction(deleteMappingAction);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={`${t("delete")} ${row.localCode}`}
        data-testid={`delete-mapping-${row.localCode}`}
        onClick={() => {
          if (window.confirm(t("confirmDelete", { code: row.localCode }))) run({ id: row.id });
        }}
      >
        <Trash2 className="h-4 w-4" aria-hidden />
        <span className="hidden sm:inline">{t("delete")}</span>
      </Button>
      {error ? <span className="text-xs text-red-600" role="alert">{error.message}</span> : null}
    </span>
  );
}

/** The mapping table, filtered by type, with an add form fed by the synced ERP records. */
export function MappingsView({ list, canManage }: { list: MappingList; canManage: boolean }) {
  const t = useTranslations("integration");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const entity = list.query.entity;

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("entity", { header: t("mappings.entity"), cell: (c) => <span className="whitespace-nowrap">{t(`masterKinds.${c.getValue()}`)}</span> }),
        helper.accessor("localCode", { header: t("mappings.localCode"), cell: (c) => <span className="font-mono text-xs font-semibold">{c.getValue()}</span> }),
        helper.accessor("erpId", { header: t("mappings.erpId"), cell: (c) => <span className="break-all font-mono text-xs">{c.getValue()}</span> }),
        helper.accessor("erpName", { header: t("mappings.erpName"), cell: (c) => c.getValue() ?? <span className="text-slate-400">—</span> }),
        helper.accessor("record", {
          header: t("mappings.synced"),
          cell: (c) => {
            const r = c.getValue();
            return r ? (
              <span className="whitespace-nowrap">
                {r.name} <span className="text-xs text-slate-500">({r.code})</span>
              </span>
            ) : (
              <span className="text-xs text-amber-700">{t("mappings.missing")}</span>
            );
          },
        }),
        helper.accessor("updatedAt", { header: t("mappings.updatedAt"), cell: (c) => <DateTime value={c.getValue()} compact /> }),
        ...(canManage
          ? [helper.display({ id: "actions", header: () => <span className="sr-only">{tc("actions")}</span>, meta: { className: "text-right" }, cell: (c) => <DeleteButton row={c.row.original} /> })]
          : []),
      ]),
    [t, tc, canManage],
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Select
          aria-label={t("mappings.entity")}
          className="sm:w-48"
          value={entity}
          data-testid="mapping-entity-filter"
          onChange={(e) => router.push(e.target.value === "all" ? pathname : `${pathname}?entity=${e.target.value}`)}
        >
          <option value="all">{t("mappings.allEntities")}</option>
          {MASTER_KINDS.map((k) => <option key={k} value={k}>{t(`masterKinds.${k}`)}</option>)}
        </Select>
        {canManage ? (
          <Button className="sm:ml-auto" onClick={() => setAdding(true)} data-testid="mapping-add">
            <Plus className="h-4 w-4" aria-hidden />
            {t("mappings.add")}
          </Button>
        ) : (
          <p className="text-xs text-slate-500 sm:ml-auto">{t("mappings.readOnly")}</p>
        )}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <DataTable columns={columns} rows={list.rows} rowId={(r) => r.id} empty={t("mappings.empty")} testId="mappings" rowProps={(r) => ({ "data-local-code": r.localCode })} />
      <Dialog open={adding} onOpenChange={setAdding}>
        {adding ? (
          <DialogContent title={t("mappings.add")} closeLabel={tc("close")}>
            <MappingForm
              pickers={list.pickers}
              initialEntity={entity === "all" ? "paymentTerm" : entity}
              onCancel={() => setAdding(false)}
              onDone={() => {
                setAdding(false);
                setNotice(t("mappings.saved"));
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
