import { useTranslations } from "next-intl";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";
import type { CustomerDuplicate } from "@/lib/crm/find-customer-duplicates";

/** Customers that may be the one being entered, with their owner and why they match; open ones the user sees. */
export function CustomerDuplicates({ matches }: { matches: CustomerDuplicate[] }) {
  const t = useTranslations("crm.form");
  if (!matches.length) return null;
  return (
    <div data-testid="customer-duplicates">
      <Alert tone={matches.some((m) => m.likely) ? "error" : "info"}>
        <p className="font-medium">{t("duplicatesTitle")}</p>
        <ul className="mt-2 space-y-2">
          {matches.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="customer-duplicate" data-likely={m.likely}>
              <Badge className={m.likely ? "bg-red-100 text-red-800" : undefined}>{m.likely ? t("likely") : t("similar")}</Badge>
              {m.visible ? <Link href={`/crm/customers/${m.id}`} className="font-medium text-brand-700 underline" data-testid="duplicate-open">{m.name}</Link> : <span className="font-medium">{m.name}</span>}
              <span className="text-xs text-slate-600">{m.ownerName ? t("owner", { name: m.ownerName }) : t("noOwner")}</span>
              <span className="text-xs text-slate-600" data-testid="duplicate-reason">{t(`reasons.${m.reason}`)}</span>
              {!m.visible ? <span className="text-xs text-slate-500">{t("notVisible")}</span> : null}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
