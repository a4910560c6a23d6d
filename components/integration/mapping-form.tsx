"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveMappingAction } from "@/app/(workbench)/integration/mappings/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { MASTER_KINDS, type MasterKind } from "@/lib/erp/centre/centre.schema";
import type { MappingPickers } from "@/lib/erp/centre/list-mappings";

/** A new mapping: the type, the local code (suggested from master data), and the ERP record (picked or typed). */
export function MappingForm({ pickers, initialEntity, onDone, onCancel }: { pickers: MappingPickers; initialEntity: MasterKind; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("integration");
  const tc = useTranslations("common");
  const { run, pending, error, fieldError } = useAction(saveMappingAction);
  const [entity, setEntity] = useState<MasterKind>(initialEntity);
  const [localCode, setLocalCode] = useState("");
  const [erpId, setErpId] = useState("");
  const [erpName, setErpName] = useState("");
  const options = pickers[entity];
  const picked = options.erp.find((r) => r.erpId === erpId);

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ entity, localCode, erpId, erpName: erpName || null }, onDone);
      }}
    >
      {error && !error.fieldErrors?.localCode && !error.fieldErrors?.erpId ? <Alert>{error.message}</Alert> : null}
      <Field id="m-entity" label={t("mappings.entity")} error={fieldError("entity")}>
        <Select
          id="m-entity"
          value={entity}
          onChange={(e) => {
            setEntity(e.target.value as MasterKind);
            setErpId("");
            setErpName("");
          }}
        >
          {MASTER_KINDS.map((k) => <option key={k} value={k}>{t(`masterKinds.${k}`)}</option>)}
        </Select>
      </Field>
      <Field id="m-local" label={t("mappings.localCode")} error={fieldError("localCode")}>
        <Input id="m-local" list="m-local-codes" value={localCode} onChange={(e) => setLocalCode(e.target.value)} maxLength={40} required autoComplete="off" />
        <datalist id="m-local-codes">
          {options.localCodes.map((c) => <option key={c} value={c} />)}
        </datalist>
      </Field>
      <Field id="m-pick" label={t("mappings.pickErp")} hint={options.erp.length ? undefined : t("mappings.noErpRecords")}>
        <Select
          id="m-pick"
          value={picked ? erpId : ""}
          disabled={!options.erp.length}
          onChange={(e) => {
            const r = options.erp.find((x) => x.erpId === e.target.value);
            setErpId(r?.erpId ?? "");
            setErpName(r?.name ?? "");
          }}
          data-testid="mapping-pick"
        >
          <option value="">{t("mappings.pickNone")}</option>
          {options.erp.map((r) => (
            <option key={r.erpId} value={r.erpId}>
              {r.name} · {r.code} · #{r.erpId}{r.mapped ? ` (${t("mappings.mapped")})` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="m-erp-id" label={t("mappings.erpId")} error={fieldError("erpId")}>
          <Input id="m-erp-id" value={erpId} onChange={(e) => setErpId(e.target.value)} maxLength={100} required autoComplete="off" />
        </Field>
        <Field id="m-erp-name" label={t("mappings.erpName")} error={fieldError("erpName")}>
          <Input id="m-erp-name" value={erpName} onChange={(e) => setErpName(e.target.value)} maxLength={200} autoComplete="off" />
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>{tc("cancel")}</Button>
        <Button type="submit" disabled={pending} data-testid="mapping-save">{t("mappings.save")}</Button>
      </div>
    </form>
  );
}
