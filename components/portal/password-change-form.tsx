"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { changePasswordAction } from "@/app/portal/(app)/password/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * The own password change: current, new, repeat, with the rules beside them. When the
 * change was due, success opens the portal; otherwise the form says so and empties.
 */
export function PasswordChangeForm({ due, username, minLength }: { due: boolean; username: string; minLength: number }) {
  const t = useTranslations("portalAccount.password");
  const router = useRouter();
  const change = useAction(changePasswordAction);
  const err = change.fieldError;
  const form = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState(false);
  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_16rem]">
      <Card>
        <form
          ref={form}
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(false);
            const data = Object.fromEntries(new FormData(e.currentTarget));
            change.run({ currentPassword: data.currentPassword, newPassword: data.newPassword, repeatPassword: data.repeatPassword } as Record<string, string>, () => {
              if (due) {
                router.replace("/portal");
                router.refresh();
                return;
              }
              form.current?.reset();
              setDone(true);
              router.refresh();
            });
          }}
        >
          {/* For password managers: whose password this is. */}
          <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
          {done ? <Alert tone="success">{t("done")}</Alert> : null}
          {change.error && change.error.code !== "validation" ? <Alert>{change.error.message}</Alert> : null}
          <Field id="pw-current" label={due ? t("currentDue") : t("current")} error={err("currentPassword")}>
            <Input id="pw-current" name="currentPassword" type="password" autoComplete="current-password" aria-invalid={!!err("currentPassword")} required />
          </Field>
          <Field id="pw-new" label={t("new")} error={err("newPassword")}>
            <Input id="pw-new" name="newPassword" type="password" autoComplete="new-password" aria-invalid={!!err("newPassword")} aria-describedby="pw-rules" required />
          </Field>
          <Field id="pw-repeat" label={t("repeat")} error={err("repeatPassword")}>
            <Input id="pw-repeat" name="repeatPassword" type="password" autoComplete="new-password" aria-invalid={!!err("repeatPassword")} required />
          </Field>
          <div className="pt-1">
            <Button type="submit" disabled={change.pending} data-testid="password-save">{change.pending ? t("saving") : t("submit")}</Button>
          </div>
        </form>
      </Card>
      <Card className="order-first h-fit text-sm md:order-none" id="pw-rules" data-testid="password-rules">
        <h2 className="mb-2 font-semibold text-slate-900">{t("rulesTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-700">
          <li>{t("ruleLength", { min: minLength })}</li>
          <li>{t("ruleMix")}</li>
          <li>{t("ruleNotUsername")}</li>
          <li>{t("ruleNotCurrent")}</li>
        </ul>
      </Card>
    </div>
  );
}
