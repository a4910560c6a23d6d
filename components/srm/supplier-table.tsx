import { useTranslations } from "next-intl";
import Link from "next/link";
import { ListTable, Td } from "@/components/ui/table";
import type { listSuppliers } from "@/lib/srm/list-suppliers";
import { SupplierStatusBadge } from "./srm-badges";

type Row = Awaited<ReturnType<typeof listSuppliers>>["rows"][number];

/** The supplier archive's list; each name opens the supplier's archive page. */
export function SupplierTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("srm.suppliers");
  const columns = [{ label: t("code") }, { label: t("name") }, { label: t("status") }, { label: t("contact") }, { label: t("openOrders"), className: "text-right" }, { label: t("openDeliveries"), className: "text-right" }, { label: t("portalUsers"), className: "text-right" }];
  return (
    <ListTable testId="suppliers" columns={columns} empty={t("empty")} isEmpty={rows.length === 0}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="supplier-row" data-code={r.code}>
          <Td className="whitespace-nowrap font-mono text-xs">{r.code}</Td>
          <Td className="min-w-48">
            <Link href={`/srm/suppliers/${r.id}`} className="font-medium text-brand-700 hover:underline" aria-label={t("open", { name: r.name })}>{r.name}</Link>
            {r.erpId ? <div className="text-xs text-slate-500">{t("erpLinked")}</div> : null}
          </Td>
          <Td><SupplierStatusBadge status={r.status} /></Td>
          <Td className="whitespace-nowrap text-xs">
            {r.contactName ?? "—"}
            {r.contactPhone ? <div className="text-slate-500">{r.contactPhone}</div> : null}
          </Td>
          <Td className="text-right tabular-nums">{r.openOrders}</Td>
          <Td className="text-right tabular-nums">{r.openDeliveries}</Td>
          <Td className="text-right tabular-nums">{r.portalUsers}</Td>
        </tr>
      ))}
    </ListTable>
  );
}
