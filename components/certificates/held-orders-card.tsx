import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ListTable, Td } from "@/components/ui/table";
import type { HeldOrderRow } from "@/lib/erp/centre/list-held-orders";
import { useBlockReason } from "./certificate-badges";

/** Integration centre: orders whose confirmation flow waits for their supplier's block to end, and why. */
export function HeldOrdersCard({ rows }: { rows: HeldOrderRow[] }) {
  const t = useTranslations("certificates.held");
  const format = useFormatter();
  const reason = useBlockReason();
  const columns = [{ label: t("order") }, { label: t("supplier") }, { label: t("reason") }, { label: t("since") }];
  return (
    <Card className="space-y-2" data-testid="held-orders">
      <h2 className="text-base font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ListTable testId="held-orders-table" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
        {rows.map((r) => (
          <tr key={r.id} data-testid="held-order-row">
            <Td className="whitespace-nowrap font-mono text-xs max-md:font-semibold"><Link href={`/srm/orders/${r.id}`} className="text-brand-700 hover:underline">{r.number}</Link></Td>
            <Td className="text-sm" label={t("supplier")}><Link href={`/srm/suppliers/${r.supplier.id}`} className="text-brand-700 hover:underline">{r.supplier.name}</Link></Td>
            <Td className="text-sm text-red-700" label={t("reason")}><span>{reason(r.supplier.blockedReason)}</span></Td>
            <Td className="whitespace-nowrap text-xs" label={t("since")}><span>{r.supplier.blockedAt ? format.dateTime(r.supplier.blockedAt, { dateStyle: "short", timeStyle: "short" }) : "—"}</span></Td>
          </tr>
        ))}
      </ListTable>
    </Card>
  );
}
