"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveCertificateTypeAction, saveSupplierCategoryAction, setCertificateRequirementAction } from "@/app/(workbench)/admin/certificate-types/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { CertificateSetup } from "@/lib/srm/certificates/certificate-setup";

type Named = { id: string; code: string; nameZh: string; nameEn: string; validityRequired?: boolean };

/** Add or edit one type or category: code (fixed once made), names and, for types, whether a validity date is required. */
function NamedForm({ kind, item, onDone }: { kind: "type" | "category"; item?: Named; onDone: () => void }) {
  const t = useTranslations("certificates.admin");
  const router = useRouter();
  const saveType = useAction(saveCertificateTypeAction);
  const saveCategory = useAction(saveSupplierCategoryAction);
  const save = kind === "type" ? saveType : saveCategory;
  const err = save.fieldError;
  const p = `${kind}-${item?.id ?? "new"}`;
  return (
    <form
      className="grid gap-2 sm:grid-cols-4 sm:items-end"
      noValidate
      data-testid={`${kind}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const input = { id: item?.id, code: String(f.get("code") ?? item?.code ?? ""), nameZh: String(f.get("nameZh")), nameEn: String(f.get("nameEn")) };
        const done = () => { onDone(); router.refresh(); };
        if (kind === "type") saveType.run({ ...input, validityRequired: f.get("validityRequired") === "on" }, done);
        else saveCategory.run(input, done);
      }}
    >
      <Field id={`${p}-code`} label={t("code")} error={err("code")}>
        <Input id={`${p}-code`} name="code" defaultValue={item?.code} disabled={!!item} maxLength={40} aria-invalid={!!err("code")} />
      </Field>
      <Field id={`${p}-zh`} label={t("nameZh")} error={err("nameZh")}>
        <Input id={`${p}-zh`} name="nameZh" defaultValue={item?.nameZh} maxLength={80} aria-invalid={!!err("nameZh")} />
      </Field>
      <Field id={`${p}-en`} label={t("nameEn")} error={err("nameEn")}>
        <Input id={`${p}-en`} name="nameEn" defaultValue={item?.nameEn} maxLength={80} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 pb-1">
        {kind === "type" ? (
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="validityRequired" defaultChecked={item?.validityRequired ?? true} /> {t("validityRequired")}
          </label>
        ) : null}
        <Button type="submit" size="sm" disabled={save.pending}>{t("save")}</Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>{t("cancel")}</Button>
      </div>
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <div className="sm:col-span-4"><Alert>{save.error.message}</Alert></div> : null}
    </form>
  );
}

/** A list of types or categories, each editable, with an "add" form below. */
function NamedList({ kind, items }: { kind: "type" | "category"; items: Named[] }) {
  const t = useTranslations("certificates.admin");
  const en = useLocale().startsWith("en");
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card className="space-y-3" data-testid={`${kind}-list`}>
      <h2 className="text-base font-semibold">{t(kind === "type" ? "types" : "categories")}</h2>
      <ul className="divide-y divide-slate-100 text-sm">
        {items.map((i) => (
          <li key={i.id} className="py-2" data-testid={`${kind}-row`}>
            {editing === i.id ? (
              <NamedForm kind={kind} item={i} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{en ? i.nameEn : i.nameZh}</span>
                  <span className="ml-2 text-xs text-slate-500">{i.code}</span>
                  {kind === "type" ? <span className="ml-2 text-xs text-slate-500">{t("validityRequired")}：{t(i.validityRequired ? "yes" : "no")}</span> : null}
                </span>
                <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(i.id)}>{t("edit")}</Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? <NamedForm kind={kind} onDone={() => setEditing(null)} /> : <Button type="button" size="sm" variant="secondary" onClick={() => setEditing("new")} data-testid={`add-${kind}`}>{t(kind === "type" ? "newType" : "newCategory")}</Button>}
    </Card>
  );
}

/** Categories down, types across: a ticked cell makes the type mandatory for the category, at once. */
function RequirementMatrix({ setup }: { setup: CertificateSetup }) {
  const t = useTranslations("certificates.admin");
  const en = useLocale().startsWith("en");
  const router = useRouter();
  const set = useAction(setCertificateRequirementAction);
  const name = (n: { nameZh: string; nameEn: string }) => (en ? n.nameEn : n.nameZh);
  return (
    <Card className="space-y-2">
      <h2 className="text-base font-semibold">{t("matrix")}</h2>
      <p className="text-sm text-slate-600">{t("matrixIntro")}</p>
      {set.error ? <Alert>{set.error.message}</Alert> : null}
      <TableContainer>
        <Table data-testid="requirement-matrix">
          <thead>
            <tr>
              <Th>{t("categories")}</Th>
              {setup.types.map((ty) => <Th key={ty.id} className="min-w-24 whitespace-normal text-center">{name(ty)}</Th>)}
            </tr>
          </thead>
          <tbody>
            {setup.categories.map((c) => (
              <tr key={c.id} data-testid="requirement-row" data-category={c.code}>
                <Td className="whitespace-nowrap font-medium">{name(c)}</Td>
                {setup.types.map((ty) => {
                  const on = setup.required.includes(`${c.id}:${ty.id}`);
                  return (
                    <Td key={ty.id} className="text-center">
                      <input
                        // A refused change puts the box back to the saved state.
                        key={set.error ? "refused" : "saved"}
                        type="checkbox"
                        className="h-4 w-4"
                        defaultChecked={on}
                        aria-label={t("requiredFor", { category: name(c), type: name(ty) })}
                        data-type={ty.code}
                        onChange={(e) => set.run({ categoryId: c.id, typeId: ty.id, required: e.target.checked }, () => router.refresh())}
                      />
                    </Td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </TableContainer>
    </Card>
  );
}

export function CertificateSetupView({ setup }: { setup: CertificateSetup }) {
  return (
    <div className="space-y-4">
      {/* Remounted with the server's state after each change; a refused change goes back with it. */}
      <RequirementMatrix key={setup.required.join()} setup={setup} />
      <div className="grid gap-4 lg:grid-cols-2">
        <NamedList kind="type" items={setup.types} />
        <NamedList kind="category" items={setup.categories} />
      </div>
    </div>
  );
}
