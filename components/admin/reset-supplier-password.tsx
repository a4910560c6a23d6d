"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { resetSupplierUserPasswordAction } from "@/app/(workbench)/admin/supplier-accounts/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { OneTimePassword } from "@/components/ui/one-time-password";
import { useAction } from "./use-action";

/**
 * "Reset password" for one portal account, in the admin list and in the supplier archive:
 * asks first, then shows the new initial password once, in the same dialog.
 */
export function ResetSupplierPasswordButton({ user }: { user: { id: string; username: string; name: string } }) {
  const t = useTranslations("admin.supplierAccounts");
  const tc = useTranslations("common");
  const reset = useAction(resetSupplierUserPasswordAction);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setPassword(null);
    reset.reset();
  };
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="supplier-user-reset">{t("resetPassword")}</Button>
      <Dialog open={open} onOpenChange={(o) => (o ? setOpen(true) : close())}>
        {open ? (
          <DialogContent title={t("resetTitle")} closeLabel={tc("close")}>
            {password ? (
              <OneTimePassword heading={t("resetDone", { name: user.name, username: user.username })} label={t("password")} password={password} once={t("passwordOnce")} noted={t("noted")} onNoted={close} />
            ) : (
              <div className="space-y-3 text-left">
                <p className="text-sm text-slate-700">{t("resetConfirm", { name: user.name, username: user.username })}</p>
                {reset.error ? <Alert>{reset.error.message}</Alert> : null}
                <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                  <Button type="button" variant="secondary" onClick={close}>{tc("cancel")}</Button>
                  <Button type="button" disabled={reset.pending} onClick={() => reset.run({ id: user.id }, (r) => setPassword(r.password))} data-testid="supplier-user-reset-confirm">{t("resetSubmit")}</Button>
                </div>
              </div>
            )}
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
