"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveConnectionAction } from "@/app/(workbench)/integration/settings/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { TestConnectionButton, TestConnectionResult, useConnectionTest } from "./test-connection-button";

type Initial = { kind: "builtin" | "tryton"; url: string; database: string; username: string; pollSeconds: number; hasPassword: boolean };

/** The connection form. The password is write-only: empty keeps the stored one. */
export function SettingsForm({ initial }: { initial: Initial }) {
  const t = useTranslations("integration");
  const router = useRouter();
  const save = useAction(saveConnectionAction);
  const test = useConnectionTest();
  const [v, setV] = useState({ ...initial, password: "" });
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<typeof v>) => {
    setSaved(false);
    setV((x) => ({ ...x, ...patch }));
  };
  const tryton = v.kind === "tryton";
  const invalid = (name: string) => (save.fieldError(name) ? true : undefined);

  return (
    <form
      className="space-y-4"
      data-testid="erp-settings"
      onSubmit={(e) => {
        e.preventDefault();
        test.clear();
        save.run({ kind: v.kind, url: v.url, database: v.database, username: v.username, password: v.password, pollSeconds: v.pollSeconds }, () => {
          setSaved(true);
          setV((x) => ({ ...x, password: "" }));
          router.refresh();
        });
      }}
    >
      {save.error ? <Alert>{save.error.message}</Alert> : null}
      <Field id="erp-kind" label={t("settings.kind")} hint={tryton ? undefined : t("settings.builtinNote")} error={save.fieldError("kind")}>
        <Select id="erp-kind" value={v.kind} onChange={(e) => set({ kind: e.target.value as Initial["kind"] })}>
          <option value="builtin">{t("kind.builtin")}</option>
          <option value="tryton">{t("kind.tryton")}</option>
        </Select>
      </Field>
      {tryton ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field id="erp-url" label={t("settings.url")} hint={t("settings.urlHint")} error={save.fieldError("url")}>
              <Input id="erp-url" type="url" inputMode="url" value={v.url} onChange={(e) => set({ url: e.target.value })} aria-invalid={invalid("url")} autoComplete="off" placeholder="http://" />
            </Field>
          </div>
          <Field id="erp-db" label={t("settings.database")} error={save.fieldError("database")}>
            <Input id="erp-db" value={v.database} onChange={(e) => set({ database: e.target.value })} aria-invalid={invalid("database")} autoComplete="off" />
          </Field>
          <Field id="erp-user" label={t("settings.username")} error={save.fieldError("username")}>
            <Input id="erp-user" value={v.username} onChange={(e) => set({ username: e.target.value })} aria-invalid={invalid("username")} autoComplete="off" />
          </Field>
          <Field id="erp-password" label={t("settings.password")} hint={initial.hasPassword ? t("settings.passwordSet") : t("settings.passwordUnset")} error={save.fieldError("password")}>
            <Input
              id="erp-password"
              type="password"
              value={v.password}
              onChange={(e) => set({ password: e.target.value })}
              aria-invalid={invalid("password")}
              autoComplete="new-password"
              placeholder={initial.hasPassword ? "••••••••" : ""}
              data-testid="erp-password"
            />
          </Field>
        </div>
      ) : null}
      <Field id="erp-poll" label={t("settings.pollSeconds")} hint={t("settings.pollHint")} error={save.fieldError("pollSeconds")}>
        <Input id="erp-poll" type="number" min={10} max={86400} className="sm:w-40" value={v.pollSeconds} onChange={(e) => set({ pollSeconds: Number(e.target.value) })} aria-invalid={invalid("pollSeconds")} />
      </Field>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4">
        <Button type="submit" disabled={save.pending || test.pending} data-testid="erp-save">{save.pending ? t("settings.saving") : t("settings.save")}</Button>
        <TestConnectionButton test={test} disabled={save.pending} testId="erp-test" />
        <span className="text-xs text-slate-500">{t("settings.testHint")}</span>
      </div>
      <div aria-live="polite" className="space-y-2" data-testid="settings-result">
        {saved ? <Alert tone="success">{t("settings.saved")}</Alert> : null}
        <TestConnectionResult test={test} />
      </div>
    </form>
  );
}
