import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale, type Locale } from "./locales";
import { loadMessages } from "./messages";

// The locale lives in a cookie (no locale in the URL); zh-CN unless the user chose English.
export default getRequestConfig(async () => {
  const locale: Locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Shanghai" };
});
