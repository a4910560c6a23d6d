import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useDates, useQuantity } from "@/components/srm/order-formats";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ListTable, Td } from "@/components/ui/table";
import type { ReceiptDetail } from "@/lib/srm/receiving/get-receipt";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** A goods receipt: who, when, which order and delivery, the ERP's number; per line and lot shipped, counted, inspected, accepted, rejected and where it went. */
export function ReceiptDetailView({ receipt: r }: { receipt: ReceiptDetail }) {
  const t = useTranslations("receiving.receipts");
  const tf = useTranslations("receiving.form");
  const zh = useLocale() === "zh-CN";
  const { when, day } = useDates();
  const quantity = useQuantity();
  const q = (v: number | null, unit: ReceiptDetail["lines"][number]["unit"]) => (v === null ? "—" : quantity(v, unit));
  const columns = ["item", "lotNumber", "shipped", "counted", "difference", "result", "accepted", "rejected", "defect", "place"].map((k) => ({ label: tf(k) }));
  return (
    <div className="space-y-4">
      <Card>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="receipt-facts">
          <Fact label={t("receivedAt")}>{when(r.receivedAt)}</Fact>
          <Fact label={t("receivedBy")}>{r.receivedBy ?? "—"}</Fact>
          <Fact label={t("supplier")}>{r.supplier.name}</Fact>
          <Fact label={t("order")}><Link href={`/srm/orders/${r.order.id}`} className="font-mono text-brand-700 hover:underline">{r.order.number}</Link></Fact>
          <Fact label={t("plan")}><span className="font-mono">{r.plan?.number ?? "—"}</span></Fact>
          <Fact label={t("waybill")}>{r.plan?.waybillNo ?? "—"}{r.plan?.shippedAt ? ` · ${day(r.plan.shippedAt)}` : ""}</Fact>
          <Fact label={t("erpNumber")}><span className="font-mono" data-testid="receipt-erp">{r.erpId || t("notPosted")}</span></Fact>
          <Fact label={t("returns")}>{r.returns.length ? r.returns.map((x) => x.number).join("、") : t("noReturns")}</Fact>
        </dl>
      </Card>
      <ListTable testId="receipt-lines" columns={columns} empty={t("empty")} isEmpty={r.lines.length === 0} cards>
        {r.lines.map((l) => {
          const diff = l.counted !== null && l.shipped !== null ? l.counted - l.shipped : 0;
          return (
            <tr key={l.id} data-testid="receipt-line" data-lot={l.lotNumber ?? ""}>
              <Td className="min-w-48 text-xs max-md:text-sm max-md:font-semibold"><span className="break-words">{`${l.lineNo}. ${l.description}`}</span></Td>
              <Td className="whitespace-nowrap text-xs" label={tf("lotNumber")}><span>{l.lotNumber ?? "—"}</span></Td>
              <Td className="whitespace-nowrap text-right text-xs tabular-nums" label={tf("shipped")}><span>{q(l.shipped, l.unit)}</span></Td>
              <Td className="whitespace-nowrap text-right text-xs tabular-nums" label={tf("counted")}><span>{q(l.counted, l.unit)}</span></Td>
              <Td className={cn("whitespace-nowrap text-right text-xs tabular-nums", diff !== 0 && "font-medium text-amber-700")} label={tf("difference")}><span>{diff === 0 ? tf("noDifference") : diff > 0 ? `+${quantity(diff, l.unit)}` : quantity(diff, l.unit)}</span></Td>
              <Td className="whitespace-nowrap text-xs" label={tf("result")}><span>{l.result ? tf(`results.${l.result}`) : "—"}</span></Td>
              <Td className="whitespace-nowrap text-right text-xs tabular-nums" label={tf("accepted")}><span>{quantity(l.accepted, l.unit)}</span></Td>
              <Td className={cn("whitespace-nowrap text-right text-xs tabular-nums", l.rejected > 0 && "font-medium text-red-700")} label={tf("rejected")}><span>{quantity(l.rejected, l.unit)}</span></Td>
              <Td className="text-xs" label={tf("defect")}><span>{l.defect ? (zh ? l.defect.labelZh : l.defect.labelEn) : "—"}</span></Td>
              <Td className="text-xs" label={tf("place")}><span>{[l.location, l.bin].filter(Boolean).join(" · ") || "—"}{l.rejected > 0 ? `；${tf("rejectedToQuarantine")}` : ""}</span></Td>
            </tr>
          );
        })}
      </ListTable>
    </div>
  );
}
