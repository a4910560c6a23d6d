import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SrmStatusBadge } from "@/components/srm/srm-badges";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { findDeliveryByCode } from "@/lib/srm/delivery-note/find-delivery-by-code";

/**
 * The warehouse's door to a delivery (SRM-8): scan the delivery note's QR code (a phone
 * camera opens this page with the code; a scanner types into the field) or type its
 * number; the open step of that delivery waiting for this employee opens.
 */
export default async function ReceiveByCodePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("srm.view");
  const raw = (await searchParams).code;
  const code = typeof raw === "string" ? raw : "";
  const [t, locale] = await Promise.all([getTranslations("deliveryNote.receive"), getLocale()]);
  const found = code ? await findDeliveryByCode(await getDb(), actor, code) : null;
  if (found?.kind === "task") redirect(`/inbox/${found.taskId}`);
  const en = locale === "en";
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={t("title")} />
      <Card>
        <form action="/srm/receive" method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <label className="flex-1 text-sm text-slate-700">
            {t("codeLabel")}
            <Input name="code" defaultValue={found?.kind === "not_found" ? code : ""} autoFocus autoComplete="off" autoCapitalize="characters" placeholder={t("codePlaceholder")} data-testid="receive-code" className="mt-1" />
          </label>
          <Button type="submit" data-testid="receive-open">{t("open")}</Button>
        </form>
        <p className="mt-2 text-xs text-slate-500">{t("hint")}</p>
      </Card>
      {found?.kind === "not_found" && <Alert>{t("notFound", { code: found.code })}</Alert>}
      {found?.kind === "plan" && (
        <Card data-testid="receive-plan">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{found.plan.number}</span>
            <SrmStatusBadge kind="plan" status={found.plan.status} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {found.plan.supplier.name}（{found.plan.supplier.code}） ·{" "}
            <Link className="text-brand-700 underline" href={`/srm/orders/${found.plan.order.id}`}>
              {found.plan.order.number}
            </Link>
          </p>
          <div className="mt-3 text-sm" data-testid="receive-waiting">
            {found.waiting.length === 0
              ? found.plan.receipts.length
                ? t("received", { receipts: found.plan.receipts.join("、") })
                : t("nothingOpen")
              : found.waiting.map((w) => (
                  <p key={w.name}>
                    {t("waitingFor", {
                      step: w.name,
                      who: w.supplier ? t("theSupplier") : w.groups.map((g) => (en ? g.nameEn : g.nameZh)).join("、") || t("someoneElse"),
                    })}
                  </p>
                ))}
          </div>
        </Card>
      )}
    </div>
  );
}
