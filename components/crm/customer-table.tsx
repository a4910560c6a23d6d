import { useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { ListTable, Td } from "@/components/ui/table";
import type { CustomerRow } from "@/lib/crm/list-customers";
import { ContactDays } from "./contact-days";

/** "My customers": on a phone each customer is a card with its phone number to call. */
export function CustomerTable({ rows, categoryNames = {} }: { rows: CustomerRow[]; categoryNames?: Record<string, string> }) {
  const t = useTranslations("crm.list");
  const columns = [{ label: t("columns.name") }, { label: t("columns.days") }, { label: t("columns.level") }, { label: t("columns.contact") }, { label: t("columns.owner") }, { label: t("columns.tags") }];
  return (
    <ListTable testId="customers" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((c) => (
        <tr key={c.id} data-testid="customer-row" data-name={c.name}>
          <Td className="min-w-56">
            <div>
              <Link href={`/crm/customers/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid="customer-link">{c.name}</Link>
              <div className="text-xs text-slate-500">{[c.code, c.industry, c.region].filter(Boolean).join(" · ")}</div>
            </div>
          </Td>
          <Td className="whitespace-nowrap" label={t("columns.days")}>
            <ContactDays days={c.days} never={c.never} tone={c.tone} />
          </Td>
          <Td label={t("columns.level")}>
            <span>{c.level ?? "—"}</span>
          </Td>
          <Td className="whitespace-nowrap" label={t("columns.contact")}>
            <div>
              {c.contactName ?? "—"}
              {c.contactPhone ? (
                <a href={`tel:${c.contactPhone.replace(/[^\d+]/g, "")}`} className="ml-2 text-brand-700 hover:underline" aria-label={t("call", { phone: c.contactPhone })} data-testid="customer-phone">{c.contactPhone}</a>
              ) : null}
            </div>
          </Td>
          <Td className="whitespace-nowrap" label={t("columns.owner")}>
            <span>{c.ownerName ?? "—"}</span>
          </Td>
          <Td label={t("columns.tags")}>
            <div className="flex flex-wrap gap-1">
              {c.categoryIds.map((id) => (categoryNames[id] ? <Badge key={id} className="bg-brand-50 text-brand-700">{categoryNames[id]}</Badge> : null))}
              {c.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}
              {c.tags.length + c.categoryIds.length === 0 ? "—" : null}
            </div>
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
