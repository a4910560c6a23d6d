import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { safeNext } from "@/lib/auth/safe-next";
import { LocaleSwitcher } from "./locale-switcher";
import { SignInForm } from "./sign-in-form";

/** The sign-in page of one realm. `next` is kept to a path of this site inside the realm's own area. */
export async function AuthCard({ realm, next, notice }: { realm: "employee" | "supplier"; next?: string | string[]; notice?: string }) {
  const t = await getTranslations();
  const noticeText = notice === "wrongRealm" ? t("auth.wrongRealm") : notice === "expired" ? t("auth.sessionExpired") : notice === "signedOut" ? t("auth.signedOut") : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="text-2xl font-bold text-brand-900">{realm === "employee" ? t("app.name") : t("app.portalName")}</div>
          <div className="mt-1 text-sm text-slate-500">{t("app.tagline")}</div>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">{realm === "employee" ? t("auth.employeeTitle") : t("auth.supplierTitle")}</h1>
          {noticeText && <div className="mb-4"><Alert tone="info">{noticeText}</Alert></div>}
          <SignInForm realm={realm} next={safeNext(realm, next)} />
        </div>
        <div className="mt-4 flex items-center justify-between text-sm">
          <Link className="text-brand-700 hover:underline" href={realm === "employee" ? "/portal/login" : "/login"}>
            {realm === "employee" ? t("auth.toSupplierPortal") : t("auth.toEmployeeLogin")}
          </Link>
          <LocaleSwitcher />
        </div>
      </div>
    </main>
  );
}
