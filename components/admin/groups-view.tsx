"use client";

import { Pencil, Plus, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createGroupAction, setGroupActiveAction, updateGroupAction } from "@/app/(workbench)/admin/groups/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Label } from "@/components/ui/input";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { EmployeeChoice } from "@/lib/org/list-employee-choices";
import type { GroupRow } from "@/lib/org/list-groups";
import { GroupMembersForm } from "./group-members-form";
import { StatusBadge } from "./status-badge";
import { useAction } from "./use-action";
import { useName } from "./use-name";

type Editing = { kind: "new" } | { kind: "edit"; group: GroupRow } | { kind: "members"; group: GroupRow } | null;

export function GroupsView({ groups, people, canManage }: { groups: GroupRow[]; people: EmployeeChoice[]; canManage: boolean }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const nameOf = useName();
  const [editing, setEditing] = useState<Editing>(null);
  const toggle = useAction(setGroupActiveAction);
  const [toggling, setToggling] = useState<string | null>(null);
  const close = () => setEditing(null);
  const title =
    editing?.kind === "new" ? t("groups.new") : editing?.kind === "edit" ? t("groups.edit") : editing ? t("groups.membersTitle", { group: nameOf(editing.group) }) : "";

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canManage ? <span /> : <p className="text-sm text-slate-600">{t("groups.readOnly")}</p>}
        {canManage ? (
          <Button onClick={() => setEditing({ kind: "new" })} data-testid="group-new">
            <Plus className="h-4 w-4" aria-hidden />
            {t("groups.new")}
          </Button>
        ) : null}
      </div>
      {toggle.error ? <Alert>{toggle.error.message}</Alert> : null}
      <TableContainer>
        <Table data-testid="group-table">
          <thead>
            <tr>
              <Th>{t("groups.name")}</Th>
              <Th>{t("groups.key")}</Th>
              <Th className="text-right">{t("groups.members")}</Th>
              <Th>{tc("status")}</Th>
              {canManage ? <Th className="text-right">{tc("actions")}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} className={g.active ? undefined : "text-slate-400"} data-testid={`group-${g.key}`}>
                <Td>
                  <div className="min-w-28 font-medium">{nameOf(g)}</div>
                  <div className="text-xs text-slate-500">{nameOf({ nameZh: g.nameEn, nameEn: g.nameZh })}</div>
                </Td>
                <Td className="whitespace-nowrap font-mono text-xs">{g.key}</Td>
                <Td className="text-right tabular-nums">{g.memberCount}</Td>
                <Td><StatusBadge active={g.active} /></Td>
                {canManage ? (
                  <Td>
                    <div className="flex justify-end gap-1">
                      <Button variant="ghost" size="sm" onClick={() => setEditing({ kind: "edit", group: g })} aria-label={`${tc("edit")} ${nameOf(g)}`}>
                        <Pencil className="h-4 w-4" aria-hidden />
                        <span className="hidden sm:inline">{tc("edit")}</span>
                      </Button>
                      <Button variant="ghost" size="sm" onClick={() => setEditing({ kind: "members", group: g })} aria-label={t("groups.membersTitle", { group: nameOf(g) })}>
                        <Users className="h-4 w-4" aria-hidden />
                        <span className="hidden sm:inline">{t("groups.editMembers")}</span>
                      </Button>
                      <Button
                        variant="secondary"
                        size="sm"
                        disabled={toggle.pending && toggling === g.id}
                        onClick={() => {
                          setToggling(g.id);
                          toggle.run({ id: g.id, active: !g.active });
                        }}
                      >
                        {g.active ? tc("deactivate") : tc("activate")}
                      </Button>
                    </div>
                  </Td>
                ) : null}
              </tr>
            ))}
            {groups.length === 0 ? (
              <tr>
                <Td colSpan={5} className="py-8 text-center text-slate-500">{t("list.empty")}</Td>
              </tr>
            ) : null}
          </tbody>
        </Table>
      </TableContainer>

      <Dialog open={editing !== null} onOpenChange={(open) => !open && close()}>
        {editing ? (
          <DialogContent title={title} closeLabel={tc("close")} className={editing.kind === "members" ? "max-w-2xl" : undefined}>
            {editing.kind === "members" ? (
              <GroupMembersForm key={editing.group.id} group={editing.group} people={people} onDone={close} />
            ) : (
              <GroupForm key={editing.kind === "edit" ? editing.group.id : "new"} group={editing.kind === "edit" ? editing.group : null} onDone={close} />
            )}
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

function GroupForm({ group, onDone }: { group: GroupRow | null; onDone: () => void }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const create = useAction(createGroupAction);
  const update = useAction(updateGroupAction);
  const action = group ? update : create;
  const err = action.fieldError;
  const [values, setValues] = useState({ key: group?.key ?? "", nameZh: group?.nameZh ?? "", nameEn: group?.nameEn ?? "" });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [k]: e.target.value });
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (group) update.run({ ...values, id: group.id }, onDone);
        else create.run(values, onDone);
      }}
    >
      {action.error ? <Alert>{action.error.message}</Alert> : null}
      {group ? (
        <div>
          <Label>{t("groups.key")}</Label>
          <p className="font-mono text-sm">{group.key}</p>
          <p className="mt-1 text-xs text-slate-500">{t("groups.keyHint")}</p>
        </div>
      ) : (
        <Field id="group-key" label={t("groups.key")} hint={t("groups.keyHint")} error={err("key")}>
          <Input id="group-key" value={values.key} onChange={set("key")} aria-invalid={!!err("key")} autoComplete="off" autoCapitalize="none" required />
        </Field>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="group-name-zh" label={t("groups.nameZh")} error={err("nameZh")}>
          <Input id="group-name-zh" value={values.nameZh} onChange={set("nameZh")} aria-invalid={!!err("nameZh")} required />
        </Field>
        <Field id="group-name-en" label={t("groups.nameEn")} error={err("nameEn")}>
          <Input id="group-name-en" value={values.nameEn} onChange={set("nameEn")} aria-invalid={!!err("nameEn")} required />
        </Field>
      </div>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>{tc("cancel")}</Button>
        <Button type="submit" disabled={action.pending}>{action.pending ? t("form.saving") : tc("save")}</Button>
      </div>
    </form>
  );
}
