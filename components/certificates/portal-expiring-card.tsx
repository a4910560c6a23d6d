import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { SupplierDocumentRow } from "@/lib/srm/certificates/list-supplier-documents";
import { DaysLeft } from "./certificate-badges";

/** Portal home: the supplier's valid documents that expire within 30 days or have expired, with the way to renew them. */
export function PortalExpiringCard({ rows }: { rows: SupplierDocumentRow[] }) {
  const t = useTranslations("certificates.home");
  const en = useLocale().startsWith("en");
  return (
    <Card data-testid="portal-home-expiring">
      <h2 className="mb-3 text-base font-semibold text-slate-900">{t("title")}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0" data-testid="portal-expiring-row">
              <span className="min-w-0 break-words text-sm">
                <span className="font-medium">{en ? d.type.nameEn : d.type.nameZh}</span>
                <span className="ml-2 text-slate-600">{d.number} · {d.validUntil}</span>
              </span>
              <DaysLeft days={d.daysLeft} validUntil={d.validUntil} />
            </li>
          ))}
        </ul>
      )}
      {rows.length ? (
        <div className="mt-3 border-t border-slate-100 pt-3 text-right">
          <Link href="/portal/documents" className="text-sm text-emerald-800 hover:underline">{t("renew")}</Link>
        </div>
      ) : null}
    </Card>
  );
}
