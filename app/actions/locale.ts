"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action-client";
import { sessionActor } from "@/lib/auth/session";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { setEmployeeLocale } from "@/lib/org/set-employee-locale";

export const setLocaleAction = publicAction(z.object({ locale: z.enum(LOCALES) }), async ({ locale }, db) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  // Also while a portal password change is due: the language is no data.
  const actor = await sessionActor();
  if (actor?.realm === "employee") await setEmployeeLocale(db, actor, locale);
  return locale;
});
