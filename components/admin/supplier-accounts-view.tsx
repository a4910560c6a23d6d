"use client";

import { Plus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { Fragment, useState, useTransition } from "react";
import { createSupplierUserAction, setSupplierUserActiveAction } from "@/app/(workbench)/admin/supplier-accounts/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { SupplierUserList } from "@/lib/srm/list-supplier-users";
import { ResetSupplierPasswordButton } from "./reset-supplier-password";
import { StatusBadge } from "./status-badge";
import { useAction } from "./use-action";

type User = SupplierUserList["users"][number];

export function SupplierAccountsView({ list }: { list: SupplierUserList }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNav] = useTransition();
  const [creating, setCreating] = useState(false);
  const toggle = useAction(setSupplierUserActiveAction);
  const [toggling, setToggling] = useState<string | null>(null);

  // Accounts arrive sorted by supplier code: one heading row per supplier.
  const bySupplier: { supplier: User["supplier"]; users: User[] }[] = [];
  for (const u of list.users) {
    const last = bySupplier.at(-1);
    if (last?.supplier.id === u.supplier.id) last.users.push(u);
    else bySupplier.push({ supplier: u.supplier, users: [u] });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <Select
          aria-label={t("supplierAccounts.supplier")}
          className="sm:w-80"
          value={list.supplierId ?? ""}
          onChange={(e) => startNav(() => router.push(e.target.value ? `${pathname}?supplier=${e.target.value}` : pathname))}
          data-testid="filter-supplier"
        >
          <option value="">{t("supplierAccounts.allSuppliers")}</option>
          {list.suppliers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} · {s.name} ({t("supplierAccounts.accounts", { count: s.userCount })})
            </option>
          ))}
        </Select>
        <Button onClick={() => setCreating(true)} disabled={list.suppliers.length === 0} data-testid="supplier-user-new">
          <Plus className="h-4 w-4" aria-hidden />
          {t("supplierAccounts.new")}
        </Button>
      </div>
      {list.suppliers.length === 0 ? <Alert tone="info">{t("supplierAccounts.noSuppliers")}</Alert> : null}
      {toggle.error ? <Alert>{toggle.error.message}</Alert> : null}

      <TableContainer className={cn(navigating && "opacity-60")} aria-busy={navigating}>
        <Table data-testid="supplier-user-table">
          <thead>
            <tr>
              <Th>{t("supplierAccounts.username")}</Th>
              <Th>{t("supplierAccounts.name")}</Th>
              <Th>{t("supplierAccounts.email")}</Th>
              <Th>{t("supplierAccounts.createdAt")}</Th>
              <Th>{tc("status")}</Th>
              <Th className="text-right">{tc("actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {bySupplier.map(({ supplier, users }) => (
              <Fragment key={supplier.id}>
                <tr className="bg-slate-50">
                  <Td colSpan={6} className="font-medium">
                    <span className="mr-2 font-mono text-xs text-slate-500">{supplier.code}</span>
                    {supplier.name}
                    <Badge className={cn("ml-2", supplier.status === "suspended" && "bg-amber-50 text-amber-800")}>
                      {t(`supplierAccounts.supplierStatus.${supplier.status}`)}
                    </Badge>
                    {supplier.status === "suspended" ? <span className="ml-2 text-xs font-normal text-amber-700">{t("supplierAccounts.suspendedHint")}</span> : null}
                  </Td>
                </tr>
                {users.map((u) => (
                  <tr key={u.id} className={u.active ? undefined : "text-slate-500"} data-testid={`supplier-user-${u.username}`}>
                    <Td className="whitespace-nowrap font-mono text-xs">{u.username}</Td>
                    <Td className="whitespace-nowrap">
                      {u.name}
                      {u.isAdmin ? <Badge className="ml-2 bg-emerald-50 text-emerald-800">{t("supplierAccounts.adminBadge")}</Badge> : null}
                    </Td>
                    <Td className="whitespace-nowrap">{u.email ?? <span className="text-slate-400">{tc("none")}</span>}</Td>
                    <Td className="whitespace-nowrap">{format.dateTime(u.createdAt, { dateStyle: "medium" })}</Td>
                    <Td>
                      <span className="flex flex-wrap gap-1">
                        <StatusBadge active={u.active} />
                        {u.active && u.mustChangePassword ? <Badge className="whitespace-nowrap bg-amber-50 text-amber-800">{t("supplierAccounts.passwordDue")}</Badge> : null}
                      </span>
                    </Td>
                    <Td className="whitespace-nowrap text-right">
                      <span className="mr-2"><ResetSupplierPasswordButton user={u} /></span>
                      <Button
                        variant="secondary"
                        size="sm"
                        disabled={toggle.pending && toggling === u.id}
                        onClick={() => {
                          setToggling(u.id);
                          toggle.run({ id: u.id, active: !u.active });
                        }}
                      >
                        {u.active ? tc("deactivate") : tc("activate")}
                      </Button>
                    </Td>
                  </tr>
                ))}
              </Fragment>
            ))}
            {list.users.length === 0 ? (
              <tr>
                <Td colSpan={6} className="py-8 text-center text-slate-500">{t("list.empty")}</Td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </TableContainer>

      <Dialog open={creating} onOpenChange={setCreating}>
        {creating ? (
          <DialogContent title={t("supplierAccounts.new")} closeLabel={tc("close")}>
            <SupplierUserForm suppliers={list.suppliers} defaultSupplierId={list.supplierId} onDone={() => setCreating(false)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

function SupplierUserForm({ suppliers, defaultSupplierId, onDone }: { suppliers: SupplierUserList["suppliers"]; defaultSupplierId: string | null; onDone: () => void }) {
  const t = useTranslations("admin.supplierAccounts");
  const ta = useTranslations("admin");
  const tc = useTranslations("common");
  const create = useAction(createSupplierUserAction);
  const err = create.fieldError;
  const [values, setValues] = useState({ supplierId: defaultSupplierId ?? "", username: "", name: "", email: "", password: "" });
  const [isAdmin, setIsAdmin] = useState(false);
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues({ ...values, [k]: e.target.value });
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        // An unpicked supplier is "missing", not "malformed".
        create.run({ ...values, isAdmin, supplierId: values.supplierId || undefined }, onDone);
      }}
    >
      {create.error ? <Alert>{create.error.message}</Alert> : null}
      <Field id="su-supplier" label={t("supplier")} error={err("supplierId")}>
        <Select id="su-supplier" value={values.supplierId} onChange={set("supplierId")} aria-invalid={!!err("supplierId")} required>
          <option value="" disabled>{t("pickSupplier")}</option>
          {suppliers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} · {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="su-username" label={t("username")} error={err("username")}>
          <Input id="su-username" value={values.username} onChange={set("username")} aria-invalid={!!err("username")} autoComplete="off" autoCapitalize="none" required />
        </Field>
        <Field id="su-name" label={t("name")} error={err("name")}>
          <Input id="su-name" value={values.name} onChange={set("name")} aria-invalid={!!err("name")} autoComplete="off" required />
        </Field>
        <Field id="su-email" label={t("email")} error={err("email")}>
          <Input id="su-email" type="email" value={values.email} onChange={set("email")} aria-invalid={!!err("email")} autoComplete="off" />
        </Field>
        <Field id="su-password" label={t("password")} hint={t("passwordHint")} error={err("password")}>
          <Input id="su-password" type="password" value={values.password} onChange={set("password")} aria-invalid={!!err("password")} autoComplete="new-password" required />
        </Field>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" id="su-admin" className="mt-0.5 h-4 w-4" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
        <span>
          <span className="block text-slate-900">{t("isAdmin")}</span>
          <span className="block text-xs text-slate-500">{t("isAdminHint")}</span>
        </span>
      </label>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>{tc("cancel")}</Button>
        <Button type="submit" disabled={create.pending} data-testid="supplier-user-save">{create.pending ? ta("form.saving") : tc("save")}</Button>
      </div>
    </form>
  );
}

