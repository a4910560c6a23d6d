import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold" data-testid="forbidden">{t("forbiddenPage")}</h1>
      <p className="text-slate-600">{t("forbidden")}</p>
      <Link href="/" className="text-brand-700 hover:underline">{t("backHome")}</Link>
    </main>
  );
}
