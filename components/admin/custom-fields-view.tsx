"use client";

import { ArrowDown, ArrowUp, Pencil, Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { moveCustomFieldAction, setCustomFieldActiveAction } from "@/app/(workbench)/admin/custom-fields/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { ListTable, Td } from "@/components/ui/table";
import type { CustomFieldDef, CustomFieldEntity } from "@/lib/custom-fields/custom-fields.schema";
import { fieldLabel } from "@/lib/custom-fields/format-custom-values";
import { CustomFieldForm } from "./custom-fields-form";
import { StatusBadge } from "./status-badge";
import { useAction } from "./use-action";

type Editing = { kind: "new" } | { kind: "edit"; field: CustomFieldDef } | null;

/** One record type's custom fields in their order, with add, edit, move and switch off/on. */
export function CustomFieldsView({ entity, fields }: { entity: CustomFieldEntity; fields: CustomFieldDef[] }) {
  const t = useTranslations("customFields");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [editing, setEditing] = useState<Editing>(null);
  const toggle = useAction(setCustomFieldActiveAction);
  const move = useAction(moveCustomFieldAction);
  const [busy, setBusy] = useState<string | null>(null);
  const close = () => setEditing(null);
  const error = toggle.error ?? move.error;
  const mark = (on: boolean) => (on ? <span className="text-slate-900">{tc("yes")}</span> : <span className="text-slate-400">—</span>);

  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <Button onClick={() => setEditing({ kind: "new" })} data-testid="custom-field-new">
          <Plus className="h-4 w-4" aria-hidden />
          {t("form.new")}
        </Button>
      </div>
      {error ? <Alert>{error.message}</Alert> : null}
      <ListTable
        testId="custom-field-table"
        cards
        empty={t("list.empty")}
        isEmpty={fields.length === 0}
        columns={[
          { label: t("list.order") },
          { label: t("list.label") },
          { label: t("list.key") },
          { label: t("list.type") },
          { label: t("list.required") },
          { label: t("list.inList") },
          { label: tc("status") },
          { label: tc("actions"), className: "text-right" },
        ]}
      >
        {fields.map((f, i) => (
          <tr key={f.id} className={f.active ? undefined : "text-slate-400"} data-testid="custom-field-row" data-key={f.key}>
            <Td label={t("list.order")}>
              <div className="flex gap-0.5">
                <Button variant="ghost" size="sm" className="px-1.5" disabled={i === 0 || (move.pending && busy === f.id)} aria-label={t("list.moveUp", { label: fieldLabel(f, locale) })} onClick={() => { setBusy(f.id); move.run({ id: f.id, direction: "up" }); }}>
                  <ArrowUp className="h-4 w-4" aria-hidden />
                </Button>
                <Button variant="ghost" size="sm" className="px-1.5" disabled={i === fields.length - 1 || (move.pending && busy === f.id)} aria-label={t("list.moveDown", { label: fieldLabel(f, locale) })} onClick={() => { setBusy(f.id); move.run({ id: f.id, direction: "down" }); }}>
                  <ArrowDown className="h-4 w-4" aria-hidden />
                </Button>
              </div>
            </Td>
            <Td label={t("list.label")}>
              <div className="min-w-28">
                <div className="font-medium">{fieldLabel(f, locale)}</div>
                <div className="text-xs text-slate-500">{fieldLabel(f, locale === "zh-CN" ? "en" : "zh-CN")}</div>
              </div>
            </Td>
            <Td className="whitespace-nowrap font-mono text-xs" label={t("list.key")}>
              <span>{f.key}</span>
            </Td>
            <Td label={t("list.type")}>
              <div>
                <div className="whitespace-nowrap">{t(`types.${f.type}`)}</div>
                {f.type === "select" ? (
                  <div className="mt-0.5 flex max-w-56 flex-wrap gap-1">
                    {f.options.map((o) => <Badge key={o.value}>{fieldLabel(o, locale)}</Badge>)}
                  </div>
                ) : null}
              </div>
            </Td>
            <Td label={t("list.required")}>{mark(f.required)}</Td>
            <Td label={t("list.inList")}>{mark(f.inList)}</Td>
            <Td label={tc("status")}><StatusBadge active={f.active} /></Td>
            <Td label={tc("actions")}>
              <div className="flex justify-end gap-1 max-md:justify-start">
                <Button variant="ghost" size="sm" onClick={() => setEditing({ kind: "edit", field: f })} aria-label={`${tc("edit")} ${fieldLabel(f, locale)}`}>
                  <Pencil className="h-4 w-4" aria-hidden />
                  <span>{tc("edit")}</span>
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  data-testid="custom-field-toggle"
                  disabled={toggle.pending && busy === f.id}
                  onClick={() => {
                    setBusy(f.id);
                    toggle.run({ id: f.id, active: !f.active });
                  }}
                >
                  {f.active ? tc("deactivate") : tc("activate")}
                </Button>
              </div>
            </Td>
          </tr>
        ))}
      </ListTable>

      <Dialog open={editing !== null} onOpenChange={(open) => !open && close()}>
        {editing ? (
          <DialogContent title={editing.kind === "new" ? t("form.new") : t("form.edit")} closeLabel={tc("close")} className="max-w-2xl">
            <CustomFieldForm key={editing.kind === "edit" ? editing.field.id : "new"} entity={entity} field={editing.kind === "edit" ? editing.field : null} onDone={close} />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
