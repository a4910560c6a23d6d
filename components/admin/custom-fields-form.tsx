"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createCustomFieldAction, updateCustomFieldAction } from "@/app/(workbench)/admin/custom-fields/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { CUSTOM_FIELD_TYPES, type CustomFieldDef, type CustomFieldEntity, type CustomFieldOption, type CustomFieldType } from "@/lib/custom-fields/custom-fields.schema";
import { useAction } from "./use-action";

function Check({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label htmlFor={id} className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-2 text-sm">
      <input id={id} type="checkbox" className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <span className="block font-medium text-slate-800">{label}</span>
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

/** The options of a choice-list field: value, Chinese and English label per row. */
function OptionsEditor({ options, onChange, error }: { options: CustomFieldOption[]; onChange: (next: CustomFieldOption[]) => void; error?: string }) {
  const t = useTranslations("customFields.form");
  const set = (i: number, k: keyof CustomFieldOption, v: string) => onChange(options.map((o, j) => (j === i ? { ...o, [k]: v } : o)));
  return (
    <fieldset className="space-y-2" data-testid="custom-field-options">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t("options")}</legend>
      {options.map((o, i) => (
        <div key={i} className="grid grid-cols-[1fr_auto] gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[7rem_1fr_1fr_auto] sm:border-0 sm:p-0">
          <Input id={`cf-opt-${i}-value`} aria-label={t("optionValue")} placeholder={t("optionValue")} value={o.value} maxLength={40} onChange={(e) => set(i, "value", e.target.value)} autoComplete="off" className="max-sm:col-span-2" />
          <Input id={`cf-opt-${i}-zh`} aria-label={t("optionLabelZh")} placeholder={t("optionLabelZh")} value={o.labelZh} maxLength={100} onChange={(e) => set(i, "labelZh", e.target.value)} className="max-sm:col-span-2" />
          <Input id={`cf-opt-${i}-en`} aria-label={t("optionLabelEn")} placeholder={t("optionLabelEn")} value={o.labelEn} maxLength={100} onChange={(e) => set(i, "labelEn", e.target.value)} />
          <Button type="button" variant="ghost" size="icon" aria-label={t("removeOption", { value: o.value || String(i + 1) })} onClick={() => onChange(options.filter((_, j) => j !== i))}>
            <Trash2 className="h-4 w-4" aria-hidden />
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" size="sm" data-testid="custom-field-add-option" onClick={() => onChange([...options, { value: "", labelZh: "", labelEn: "" }])}>
        <Plus className="h-4 w-4" aria-hidden />
        {t("addOption")}
      </Button>
      <FieldError message={error} />
    </fieldset>
  );
}

/** Adds a field to a record type, or changes one (its key and type stay as created). */
export function CustomFieldForm({ entity, field, onDone }: { entity: CustomFieldEntity; field: CustomFieldDef | null; onDone: () => void }) {
  const t = useTranslations("customFields");
  const tc = useTranslations("common");
  const create = useAction(createCustomFieldAction);
  const update = useAction(updateCustomFieldAction);
  const action = field ? update : create;
  const err = action.fieldError;
  const [key, setKey] = useState("");
  const [type, setType] = useState<CustomFieldType>(field?.type ?? "text");
  const [values, setValues] = useState({ labelZh: field?.labelZh ?? "", labelEn: field?.labelEn ?? "", required: field?.required ?? false, inList: field?.inList ?? false });
  const [options, setOptions] = useState<CustomFieldOption[]>(field?.options.length ? field.options : [{ value: "", labelZh: "", labelEn: "" }]);
  const settings = { ...values, options: type === "select" ? options : [] };
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (field) update.run({ id: field.id, ...settings }, onDone);
        else create.run({ entity, key, type, ...settings }, onDone);
      }}
    >
      {action.error ? <Alert>{action.error.message}</Alert> : null}
      {field ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <Label>{t("form.key")}</Label>
            <p className="font-mono text-sm">{field.key}</p>
          </div>
          <div>
            <Label>{t("form.type")}</Label>
            <p className="text-sm">{t(`types.${field.type}`)}</p>
            <p className="mt-1 text-xs text-slate-500">{t("form.typeFixed")}</p>
          </div>
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="cf-key" label={t("form.key")} hint={t("form.keyHint")} error={err("key")}>
            <Input id="cf-key" value={key} onChange={(e) => setKey(e.target.value)} maxLength={40} aria-invalid={!!err("key")} autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Field>
          <Field id="cf-type" label={t("form.type")} error={err("type")}>
            <Select id="cf-type" value={type} onChange={(e) => setType(e.target.value as CustomFieldType)}>
              {CUSTOM_FIELD_TYPES.map((ty) => <option key={ty} value={ty}>{t(`types.${ty}`)}</option>)}
            </Select>
          </Field>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="cf-label-zh" label={t("form.labelZh")} error={err("labelZh")}>
          <Input id="cf-label-zh" value={values.labelZh} maxLength={100} onChange={(e) => setValues({ ...values, labelZh: e.target.value })} aria-invalid={!!err("labelZh")} />
        </Field>
        <Field id="cf-label-en" label={t("form.labelEn")} error={err("labelEn")}>
          <Input id="cf-label-en" value={values.labelEn} maxLength={100} onChange={(e) => setValues({ ...values, labelEn: e.target.value })} aria-invalid={!!err("labelEn")} />
        </Field>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <Check id="cf-required" label={t("form.required")} hint={t("form.requiredHint")} checked={values.required} onChange={(required) => setValues({ ...values, required })} />
        <Check id="cf-in-list" label={t("form.inList")} hint={t("form.inListHint")} checked={values.inList} onChange={(inList) => setValues({ ...values, inList })} />
      </div>
      {type === "select" ? <OptionsEditor options={options} onChange={setOptions} error={err("options")} /> : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>{tc("cancel")}</Button>
        <Button type="submit" disabled={action.pending} data-testid="custom-field-save">{action.pending ? t("form.saving") : tc("save")}</Button>
      </div>
    </form>
  );
}
