"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { safeNext } from "@/lib/auth/safe-next";

const KNOWN = ["invalid_credentials", "account_inactive", "account_pending", "throttled"];

const noSubscription = () => () => {};

/** False in the server HTML and during hydration, true once the form's script runs. */
function useHydrated() {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** One form for both realms; the realm picks the next-auth provider. */
export function SignInForm({ realm, next }: { realm: "employee" | "supplier"; next: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn(realm, {
      redirect: false,
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (res?.ok && !res.error) {
      // The page already checked it; checked again where the navigation happens.
      router.replace(safeNext(realm, next));
      router.refresh();
      return;
    }
    const [code, minutes] = String(res?.error ?? "internal").split(":");
    setError(KNOWN.includes(code) ? t(`errors.${code}`, { minutes: minutes ?? "15" }) : t("errors.internal"));
    setPending(false);
  }

  return (
    // The button waits for the script; a plain HTML submit before it (Enter in a
    // field) is a POST, never a GET that would put the password in the address.
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <div>
        <Label htmlFor="username">{t("auth.username")}</Label>
        <Input id="username" name="username" autoComplete="username" required autoFocus />
      </div>
      <div>
        <Label htmlFor="password">{t("auth.password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? t("auth.signingIn") : t("auth.signIn")}
      </Button>
    </form>
  );
}
