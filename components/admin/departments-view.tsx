"use client";

import { Pencil, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createDepartmentAction, setDepartmentActiveAction, updateDepartmentAction } from "@/app/(workbench)/admin/departments/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { DepartmentRow } from "@/lib/org/list-departments";
import type { EmployeeChoice } from "@/lib/org/list-employee-choices";
import { StatusBadge } from "./status-badge";
import { useAction } from "./use-action";
import { useName } from "./use-name";

/** Ids of a department and everything below it, read off the tree-ordered list. */
function withDescendants(rows: DepartmentRow[], id: string): Set<string> {
  const start = rows.findIndex((r) => r.id === id);
  const out = new Set<string>([id]);
  if (start < 0) return out;
  for (let i = start + 1; i < rows.length && rows[i].depth > rows[start].depth; i++) out.add(rows[i].id);
  return out;
}

export function DepartmentsView({ departments, people, canManage }: { departments: DepartmentRow[]; people: EmployeeChoice[]; canManage: boolean }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const nameOf = useName();
  const [editing, setEditing] = useState<DepartmentRow | "new" | null>(null);
  const toggle = useAction(setDepartmentActiveAction);
  const [toggling, setToggling] = useState<string | null>(null);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{canManage ? t("departments.deactivateHint") : t("departments.readOnly")}</p>
        {canManage ? (
          <Button onClick={() => setEditing("new")} data-testid="department-new">
            <Plus className="h-4 w-4" aria-hidden />
            {t("departments.new")}
          </Button>
        ) : null}
      </div>
      {toggle.error ? <Alert>{toggle.error.message}</Alert> : null}
      <TableContainer>
        <Table data-testid="department-tree">
          <thead>
            <tr>
              <Th>{t("departments.name")}</Th>
              <Th>{t("departments.code")}</Th>
              <Th>{t("departments.head")}</Th>
              <Th className="text-right">{t("departments.people")}</Th>
              <Th>{tc("status")}</Th>
              {canManage ? <Th className="text-right">{tc("actions")}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id} className={d.active ? undefined : "text-slate-400"} data-testid={`department-${d.code}`}>
                <Td>
                  <div className="min-w-40" style={{ paddingLeft: `${d.depth * 1.25}rem` }}>
                    <div className={d.depth === 0 ? "font-semibold" : "font-medium"}>
                      {d.depth > 0 ? <span className="mr-1 text-slate-300" aria-hidden>└</span> : null}
                      {nameOf(d)}
                    </div>
                    {/* The name in the other language, smaller. */}
                    <div className="text-xs text-slate-500">{nameOf({ nameZh: d.nameEn, nameEn: d.nameZh })}</div>
                  </div>
                </Td>
                <Td className="whitespace-nowrap font-mono text-xs">{d.code}</Td>
                <Td className="whitespace-nowrap">{d.head ? d.head.name : <span className="text-slate-400">{tc("none")}</span>}</Td>
                <Td className="text-right tabular-nums">{d.people}</Td>
                <Td><StatusBadge active={d.active} /></Td>
                {canManage ? (
                  <Td className="text-right">
                    <div className="flex justify-end gap-1">
                      <Button variant="ghost" size="sm" onClick={() => setEditing(d)} aria-label={`${tc("edit")} ${nameOf(d)}`}>
                        <Pencil className="h-4 w-4" aria-hidden />
                        <span className="hidden sm:inline">{tc("edit")}</span>
                      </Button>
                      <Button
                        variant="secondary"
                        size="sm"
                        disabled={toggle.pending && toggling === d.id}
                        onClick={() => {
                          setToggling(d.id);
                          toggle.run({ id: d.id, active: !d.active });
                        }}
                      >
                        {d.active ? tc("deactivate") : tc("activate")}
                      </Button>
                    </div>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </TableContainer>

      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        {editing !== null ? (
          <DialogContent title={editing === "new" ? t("departments.new") : t("departments.edit")} closeLabel={tc("close")}>
            <DepartmentForm
              key={editing === "new" ? "new" : editing.id}
              department={editing === "new" ? null : editing}
              departments={departments}
              people={people}
              onDone={() => setEditing(null)}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

function DepartmentForm({
  department,
  departments,
  people,
  onDone,
}: {
  department: DepartmentRow | null;
  departments: DepartmentRow[];
  people: EmployeeChoice[];
  onDone: () => void;
}) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const nameOf = useName();
  const create = useAction(createDepartmentAction);
  const update = useAction(updateDepartmentAction);
  const action = department ? update : create;
  const [values, setValues] = useState({
    code: department?.code ?? "",
    nameZh: department?.nameZh ?? "",
    nameEn: department?.nameEn ?? "",
    parentId: department?.parentId ?? departments[0]?.id ?? "",
    headId: department?.head?.id ?? "",
  });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues({ ...values, [k]: e.target.value });
  const blocked = department ? withDescendants(departments, department.id) : new Set<string>();
  // One person heads at most one department: offer only those still free.
  const taken = new Set(departments.filter((d) => d.head && d.id !== department?.id).map((d) => d.head!.id));
  const heads = people.filter((p) => (p.active && !taken.has(p.id)) || p.id === values.headId);
  const err = action.fieldError;

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (department) update.run({ ...values, id: department.id }, onDone);
        else create.run(values, onDone);
      }}
    >
      {action.error ? <Alert>{action.error.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="dept-code" label={t("departments.code")} error={err("code")}>
          <Input id="dept-code" value={values.code} onChange={set("code")} aria-invalid={!!err("code")} autoComplete="off" required />
        </Field>
        <Field id="dept-parent" label={t("departments.parent")} error={err("parentId")}>
          <Select id="dept-parent" value={values.parentId} onChange={set("parentId")} aria-invalid={!!err("parentId")}>
            <option value="">{t("departments.noParent")}</option>
            {departments
              .filter((d) => !blocked.has(d.id))
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {"\u3000".repeat(d.depth)}
                  {nameOf(d)}
                  {d.active ? "" : t("form.inactiveSuffix")}
                </option>
              ))}
          </Select>
        </Field>
        <Field id="dept-name-zh" label={t("departments.nameZh")} error={err("nameZh")}>
          <Input id="dept-name-zh" value={values.nameZh} onChange={set("nameZh")} aria-invalid={!!err("nameZh")} required />
        </Field>
        <Field id="dept-name-en" label={t("departments.nameEn")} error={err("nameEn")}>
          <Input id="dept-name-en" value={values.nameEn} onChange={set("nameEn")} aria-invalid={!!err("nameEn")} required />
        </Field>
        <Field id="dept-head" label={t("departments.head")} error={err("headId")}>
          <Select id="dept-head" value={values.headId} onChange={set("headId")} aria-invalid={!!err("headId")}>
            <option value="">{t("departments.noHead")}</option>
            {heads.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.username})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>{tc("cancel")}</Button>
        <Button type="submit" disabled={action.pending}>{action.pending ? t("form.saving") : tc("save")}</Button>
      </div>
    </form>
  );
}
