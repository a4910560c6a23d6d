import { useTranslations } from "next-intl";
import Link from "next/link";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { listSuppliers } from "@/lib/srm/list-suppliers";
import { SupplierStatusBadge } from "./srm-badges";

type Row = Awaited<ReturnType<typeof listSuppliers>>["rows"][number];

/** The supplier archive's list; each name opens the supplier's archive page. */
export function SupplierTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("srm.suppliers");
  return (
    <TableContainer>
      <Table data-testid="suppliers">
        <thead>
          <tr>
            <Th>{t("code")}</Th>
            <Th>{t("name")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("contact")}</Th>
            <Th className="text-right">{t("openOrders")}</Th>
            <Th className="text-right">{t("openDeliveries")}</Th>
            <Th className="text-right">{t("portalUsers")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <Td colSpan={7} className="text-center text-slate-500">{t("empty")}</Td>
            </tr>
          ) : (
            rows.map((r) => (
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
            ))
          )}
        </tbody>
      </Table>
    </TableContainer>
  );
}
