"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { addColleagueAction, setColleagueActiveAction, setColleagueAdminAction } from "@/app/portal/(app)/account/users/actions";
import { StatusBadge } from "@/components/admin/status-badge";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { OneTimePassword } from "@/components/ui/one-time-password";
import { ListTable, Td } from "@/components/ui/table";
import type { ColleagueList } from "@/lib/srm/list-colleagues";

type Colleague = ColleagueList["users"][number];
type Pending = { kind: "deactivate" | "revoke"; user: Colleague } | null;

/** The supplier administrator's list of the own supplier's accounts, with add, (de)activate and admin rights. */
export function ColleaguesView({ list }: { list: ColleagueList }) {
  const t = useTranslations("portalAccount.users");
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ username: string; name: string; password: string } | null>(null);
  const [confirming, setConfirming] = useState<Pending>(null);
  const active = useAction(setColleagueActiveAction);
  const admin = useAction(setColleagueAdminAction);
  const error = active.error ?? admin.error;
  const busy = active.pending || admin.pending;
  // The last active administrator cannot hand the rights back (the server refuses it too).
  const otherAdmins = list.users.filter((u) => u.active && u.isAdmin && u.id !== list.selfId).length;

  const toggleActive = (u: Colleague) => (u.active ? setConfirming({ kind: "deactivate", user: u }) : active.run({ id: u.id, active: true }));
  const toggleAdmin = (u: Colleague) => (u.isAdmin ? setConfirming({ kind: "revoke", user: u }) : admin.run({ id: u.id, isAdmin: true }));
  const confirm = () => {
    if (!confirming) return;
    const { kind, user } = confirming;
    if (kind === "deactivate") active.run({ id: user.id, active: false }, () => setConfirming(null));
    else admin.run({ id: user.id, isAdmin: false }, () => setConfirming(null));
  };

  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <Button onClick={() => setAdding(true)} data-testid="colleague-new">
          <Plus className="h-4 w-4" aria-hidden />
          {t("new")}
        </Button>
      </div>
      {created ? (
        <OneTimePassword heading={t("created", { username: created.username, name: created.name })} label={t("initialPassword")} password={created.password} once={t("passwordOnce")} noted={t("noted")} onNoted={() => setCreated(null)} />
      ) : null}
      {error && !confirming ? <Alert>{error.message}</Alert> : null}

      <ListTable
        testId="colleague-table"
        cards
        isEmpty={list.users.length === 0}
        empty={t("empty")}
        columns={[{ label: t("username") }, { label: t("name") }, { label: t("email") }, { label: t("role") }, { label: t("status") }, { label: t("actions"), className: "text-right" }]}
      >
        {list.users.map((u) => {
          const self = u.id === list.selfId;
          return (
            <tr key={u.id} className={u.active ? undefined : "text-slate-500"} data-testid={`colleague-${u.username}`}>
              <Td className="whitespace-nowrap font-semibold md:font-mono md:text-xs md:font-normal">
                <span>{u.username}{self ? <span className="ml-1 font-sans text-xs text-slate-500">{t("you")}</span> : null}</span>
              </Td>
              <Td label={t("name")} className="whitespace-nowrap"><span>{u.name}</span></Td>
              <Td label={t("email")} className="whitespace-nowrap"><span>{u.email ?? "—"}</span></Td>
              <Td label={t("role")}>
                <Badge className={u.isAdmin ? "bg-emerald-50 text-emerald-800" : undefined}>{u.isAdmin ? t("admin") : t("user")}</Badge>
              </Td>
              <Td label={t("status")}>
                <span className="flex flex-wrap gap-1">
                  <StatusBadge active={u.active} />
                  {u.active && u.mustChangePassword ? <Badge className="bg-amber-50 text-amber-800">{t("passwordDue")}</Badge> : null}
                </span>
              </Td>
              <Td className="text-right">
                <span className="flex flex-wrap justify-end gap-2 max-md:justify-start">
                  {u.active && (!self || otherAdmins > 0) ? (
                    <Button variant="secondary" size="sm" disabled={busy} onClick={() => toggleAdmin(u)} data-testid="colleague-admin">
                      {u.isAdmin ? t("revokeAdmin") : t("grantAdmin")}
                    </Button>
                  ) : null}
                  {self ? null : (
                    <Button variant="secondary" size="sm" disabled={busy} onClick={() => toggleActive(u)} data-testid="colleague-active">
                      {u.active ? t("deactivate") : t("activate")}
                    </Button>
                  )}
                </span>
              </Td>
            </tr>
          );
        })}
      </ListTable>

      <Dialog open={adding} onOpenChange={setAdding}>
        {adding ? (
          <DialogContent title={t("new")} closeLabel={t("close")}>
            <AddColleagueForm
              onCancel={() => setAdding(false)}
              onDone={(c) => {
                setAdding(false);
                setCreated(c);
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>

      <Dialog open={!!confirming} onOpenChange={(open) => (open ? null : setConfirming(null))}>
        {confirming ? (
          <DialogContent title={confirming.kind === "deactivate" ? t("deactivate") : t("revokeAdmin")} closeLabel={t("close")}>
            <p className="text-sm text-slate-700">{confirming.kind === "deactivate" ? t("confirmDeactivate", { name: confirming.user.name }) : t("confirmRevoke", { name: confirming.user.name })}</p>
            {error ? <div className="mt-3"><Alert>{error.message}</Alert></div> : null}
            <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>{t("cancel")}</Button>
              <Button type="button" disabled={busy} onClick={confirm} data-testid="colleague-confirm">
                {confirming.kind === "deactivate" ? t("deactivate") : t("revokeAdmin")}
              </Button>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

function AddColleagueForm({ onCancel, onDone }: { onCancel: () => void; onDone: (c: { username: string; name: string; password: string }) => void }) {
  const t = useTranslations("portalAccount.users");
  const add = useAction(addColleagueAction);
  const err = add.fieldError;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        add.run(Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>, onDone);
      }}
    >
      {add.error && add.error.code !== "validation" ? <Alert>{add.error.message}</Alert> : null}
      <Field id="col-username" label={t("username")} hint={t("usernameHint")} error={err("username")}>
        <Input id="col-username" name="username" maxLength={60} autoComplete="off" autoCapitalize="none" aria-invalid={!!err("username")} required />
      </Field>
      <Field id="col-name" label={t("name")} error={err("name")}>
        <Input id="col-name" name="name" maxLength={100} autoComplete="off" aria-invalid={!!err("name")} required />
      </Field>
      <Field id="col-email" label={t("email")} error={err("email")}>
        <Input id="col-email" name="email" type="email" maxLength={200} autoComplete="off" aria-invalid={!!err("email")} />
      </Field>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onCancel}>{t("cancel")}</Button>
        <Button type="submit" disabled={add.pending} data-testid="colleague-save">{add.pending ? t("saving") : t("save")}</Button>
      </div>
    </form>
  );
}
