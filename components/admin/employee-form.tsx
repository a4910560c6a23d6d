"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createEmployeeAction, updateEmployeeAction } from "@/app/(workbench)/admin/employees/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxList } from "@/components/ui/checkbox-list";
import { Field } from "@/components/ui/field";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import type { EmployeeFormOptions } from "@/lib/org/list-employee-options";
import type { EmployeeListRow } from "@/lib/org/list-employees";
import { useAction } from "./use-action";
import { useName } from "./use-name";

/** Create (employee = null) or edit one employee; the server checks scope and grants. */
export function EmployeeForm({ employee, options, onDone }: { employee: EmployeeListRow | null; options: EmployeeFormOptions; onDone: () => void }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const nameOf = useName();
  const create = useAction(createEmployeeAction);
  const update = useAction(updateEmployeeAction);
  const action = employee ? update : create;
  const err = action.fieldError;
  const [values, setValues] = useState({
    username: employee?.username ?? "",
    name: employee?.name ?? "",
    email: employee?.email ?? "",
    phone: employee?.phone ?? "",
    departmentId: employee ? (employee.departmentId ?? "") : options.mayLeaveDepartmentEmpty ? "" : (options.departments[0]?.id ?? ""),
    password: "",
  });
  const [roles, setRoles] = useState<string[]>(employee?.roles ?? []);
  const [groups, setGroups] = useState<string[]>(employee?.groups ?? []);
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues({ ...values, [k]: e.target.value });
  // Offered: what this actor may grant. Shown greyed out: what the person already
  // holds beyond that (kept as it is). A department admin changes none of his own.
  // The server (lib/org/grant-scope.ts) decides; this only hides.
  const own = !!employee && employee.id === options.lockedEmployeeId;
  const shownRoles = options.roles.filter((r) => r.grantable || employee?.roles.includes(r.key));
  const shownGroups = options.groups.filter((g) => g.grantable || employee?.groups.includes(g.key));
  const rolesLocked = !own && shownRoles.some((r) => !r.grantable);
  const groupsLocked = !own && shownGroups.some((g) => !g.grantable);
  const passwordLocked = !!employee && !own && shownRoles.some((r) => !r.grantable && employee.roles.includes(r.key));

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (employee) {
          const { username: _fixed, ...rest } = values;
          update.run({ ...rest, id: employee.id, roles, groups }, onDone);
        } else create.run({ ...values, roles, groups }, onDone);
      }}
    >
      {action.error ? <Alert>{action.error.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {employee ? (
          <div>
            <Label>{t("employees.username")}</Label>
            <p className="flex h-10 items-center font-mono text-sm">{employee.username}</p>
            <p className="text-xs text-slate-500">{t("employees.usernameFixed")}</p>
          </div>
        ) : (
          <Field id="emp-username" label={t("employees.username")} error={err("username")}>
            <Input id="emp-username" value={values.username} onChange={set("username")} aria-invalid={!!err("username")} autoComplete="off" autoCapitalize="none" required />
          </Field>
        )}
        <Field id="emp-name" label={t("employees.name")} error={err("name")}>
          <Input id="emp-name" value={values.name} onChange={set("name")} aria-invalid={!!err("name")} autoComplete="off" required />
        </Field>
        <Field id="emp-email" label={t("employees.email")} error={err("email")}>
          <Input id="emp-email" type="email" value={values.email} onChange={set("email")} aria-invalid={!!err("email")} autoComplete="off" />
        </Field>
        <Field id="emp-phone" label={t("employees.phone")} error={err("phone")}>
          <Input id="emp-phone" type="tel" value={values.phone} onChange={set("phone")} aria-invalid={!!err("phone")} autoComplete="off" />
        </Field>
        <Field id="emp-department" label={t("employees.department")} error={err("departmentId")}>
          <Select id="emp-department" value={values.departmentId} onChange={set("departmentId")} aria-invalid={!!err("departmentId")}>
            {options.mayLeaveDepartmentEmpty || values.departmentId === "" ? <option value="">{t("employees.noDepartment")}</option> : null}
            {options.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {"\u3000".repeat(d.depth)}
                {nameOf(d)}
                {d.active ? "" : t("form.inactiveSuffix")}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="emp-password"
          label={employee ? t("employees.password") : t("employees.initialPassword")}
          hint={passwordLocked ? t("employees.passwordLocked") : employee ? t("employees.passwordEditHint") : t("employees.passwordHint")}
          error={err("password")}
        >
          <Input id="emp-password" type="password" value={values.password} onChange={set("password")} aria-invalid={!!err("password")} autoComplete="new-password" required={!employee} disabled={passwordLocked} />
        </Field>
      </div>
      <div>
        <Label>{t("employees.roles")}</Label>
        <CheckboxList
          legend={t("employees.roles")}
          value={roles}
          onChange={setRoles}
          invalid={!!err("roles")}
          options={shownRoles.map((r) => ({ value: r.key, label: nameOf(r), disabled: own || !r.grantable }))}
        />
        {own ? <p className="mt-1 text-xs text-slate-500" data-testid="employee-own-access">{t("employees.ownAccessLocked")}</p> : null}
        {rolesLocked ? <p className="mt-1 text-xs text-slate-500">{t("employees.rolesLocked")}</p> : null}
        <FieldError message={err("roles")} />
      </div>
      <div>
        <Label>{t("employees.groups")}</Label>
        <CheckboxList
          legend={t("employees.groups")}
          value={groups}
          onChange={setGroups}
          invalid={!!err("groups")}
          options={shownGroups.map((g) => ({ value: g.key, label: nameOf(g), hint: g.active ? undefined : t("form.inactiveSuffix"), disabled: own || !g.grantable }))}
        />
        {groupsLocked ? <p className="mt-1 text-xs text-slate-500">{t("employees.groupsLocked")}</p> : null}
        <FieldError message={err("groups")} />
      </div>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>{tc("cancel")}</Button>
        <Button type="submit" disabled={action.pending} data-testid="employee-save">{action.pending ? t("form.saving") : tc("save")}</Button>
      </div>
    </form>
  );
}
