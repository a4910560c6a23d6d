"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton({ loginPath }: { loginPath: string }) {
  const t = useTranslations("nav");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: `${loginPath}?notice=signedOut` })}
      className="inline-flex items-center gap-1 rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
    >
      <LogOut className="h-4 w-4" aria-hidden />
      {t("signOut")}
    </button>
  );
}
