"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action-client";
import { currentActor } from "@/lib/auth/session";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { setEmployeeLocale } from "@/lib/org/set-employee-locale";

export const setLocaleAction = publicAction(z.object({ locale: z.enum(LOCALES) }), async ({ locale }, db) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const actor = await currentActor();
  if (actor?.realm === "employee") await setEmployeeLocale(db, actor, locale);
  return locale;
});
