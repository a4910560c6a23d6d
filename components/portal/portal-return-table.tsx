import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useDates, useQuantity } from "@/components/srm/order-formats";
import { ListTable, Td } from "@/components/ui/table";
import type { PortalReturn } from "@/lib/srm/receiving/portal-returns";

/** Per return line: the item, its lot, how much is returned and why (defect type, note). */
export function ReturnLines({ lines }: { lines: PortalReturn["lines"] }) {
  const t = useTranslations("receiving.returns");
  const zh = useLocale() === "zh-CN";
  const quantity = useQuantity();
  return (
    <ul className="space-y-1">
      {lines.map((l, i) => (
        <li key={i} className="break-words" data-testid="portal-return-line">
          <span className="text-slate-500">{t("lineNo", { n: l.lineNo })}</span> {l.description}
          <span className="block tabular-nums">
            {t("lotQuantity", { lot: l.lotNumber, quantity: quantity(l.quantity, l.unit) })}
            {l.defect ? <span className="ml-1 font-medium text-red-700">{zh ? l.defect.labelZh : l.defect.labelEn}</span> : null}
            {l.note ? <span className="ml-1 text-slate-600">{`（${l.note}）`}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The supplier's returns: number (to the detail), when, order, plan and waybill, where the goods wait, the lines; cards on a phone. */
export function PortalReturnTable({ rows }: { rows: PortalReturn[] }) {
  const t = useTranslations("receiving.returns");
  const { when } = useDates();
  const columns = [{ label: t("number") }, { label: t("createdAt") }, { label: t("order") }, { label: t("plan") }, { label: t("location") }, { label: t("lines") }];
  return (
    <ListTable testId="portal-returns" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="portal-return-row" data-number={r.number}>
          <Td className="whitespace-nowrap font-mono text-xs max-md:text-sm max-md:font-semibold">
            <Link href={`/portal/returns/${r.id}`} className="text-emerald-800 hover:underline">{r.number}</Link>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("createdAt")}><span>{when(r.createdAt)}</span></Td>
          <Td className="whitespace-nowrap font-mono text-xs" label={t("order")}>
            <Link href={`/portal/orders/${r.order.id}`} className="text-emerald-800 hover:underline">{r.order.number}</Link>
          </Td>
          <Td className="font-mono text-xs" label={t("plan")}><span className="break-all">{r.planNumber}</span></Td>
          <Td className="text-xs" label={t("location")}><span>{r.location}</span></Td>
          <Td className="min-w-64 text-xs" label={t("lines")}><ReturnLines lines={r.lines} /></Td>
        </tr>
      ))}
    </ListTable>
  );
}
