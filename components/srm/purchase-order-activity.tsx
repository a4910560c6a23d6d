import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { opLabel } from "@/components/integration/op-label";
import { Badge, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { PurchaseOrderDetail } from "@/lib/srm/get-purchase-order";
import type { OrderHistoryEntry } from "@/lib/srm/order-history";
import { useDates, useQuantity } from "./order-formats";
import { SrmStatusBadge } from "./srm-badges";

export function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section className="min-w-0 space-y-2" data-testid={testId}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** A card of records, or a dashed note when there are none. */
function Rows<T>({ items, empty, children }: { items: T[]; empty: string; children: (item: T) => React.ReactNode }) {
  if (items.length === 0) return <p className="rounded-lg border border-dashed border-slate-200 bg-white p-4 text-center text-sm text-slate-500">{empty}</p>;
  return (
    <Card className="p-0">
      <ul className="divide-y divide-slate-100 text-sm">{items.map(children)}</ul>
    </Card>
  );
}

const FLOW_TONE: Record<string, string> = { running: "bg-blue-50 text-blue-700", completed: "bg-green-50 text-green-700", cancelled: "bg-slate-200 text-slate-600", incident: "bg-red-50 text-red-700" };

/** One history entry in words: the sentence, then its figures (per line, dates, references). */
function useHistoryWords() {
  const t = useTranslations("srm.orderDetail");
  const zh = useLocale() === "zh-CN";
  const qty = useQuantity();
  const { day } = useDates();
  return (h: OrderHistoryEntry): { sentence: string; details: string[] } => {
    const who = h.to ? (zh ? h.to.zh : h.to.en) : null;
    const key = h.kind === "task_created" && !who ? "task_created_nobody" : h.kind;
    const sentence = t.has(`events.${key}`) ? t(`events.${key}`, { plan: h.plan ?? "", receipt: h.receipt ?? "", process: h.process ?? "", task: h.task ?? "", who: who ?? "", revision: h.revision ?? "" }) : "";
    const details: string[] = [];
    if ((h.kind === "confirmed" || h.kind === "proposal_accepted") && h.day) details.push(t("detail.confirmedDate", { date: day(h.day) }));
    if (h.kind === "proposed" && h.day) details.push(t("detail.proposedDate", { date: day(h.day) }));
    if ((h.kind === "plan_received" || h.kind === "plan_changed") && h.day) details.push(t("detail.plannedDate", { date: day(h.day) }));
    if (h.kind === "plan_shipped" && h.day) details.push(t("detail.shippedDate", { date: day(h.day) }));
    if (h.ref) details.push(t("detail.ref", { ref: h.ref }));
    if (h.note) details.push(t(h.kind === "declined" ? "detail.reason" : "detail.note", { text: h.note }));
    if (h.waybill) details.push(t("detail.waybill", { no: h.waybill }));
    for (const l of h.lines) {
      const a = qty(l.a, l.unit);
      const b = l.b === null ? "" : qty(l.b, l.unit);
      const on = l.day ? t("detail.lineDay", { date: day(l.day) }) : "";
      if (h.kind === "confirmed" || h.kind === "proposal_accepted") details.push(t("detail.confirmedLine", { line: l.label, a, b }) + on);
      else if (h.kind === "proposed") details.push(t("detail.proposedLine", { line: l.label, a, b }) + on);
      else if (h.kind === "changed_in_erp") details.push(l.b === null ? t("detail.addedLine", { line: l.label, a }) : t("detail.changedLine", { line: l.label, a, b }));
      else if (h.kind === "receipt") details.push(t("detail.receiptLine", { line: l.label, a, b: b || qty(0, l.unit) }));
      else details.push(t("detail.plannedLine", { line: l.label, a }));
    }
    return { sentence, details };
  };
}

/** The order's delivery plans and receipts, its flows, its history in words and its ERP sync log. */
export function OrderActivity({ detail }: { detail: PurchaseOrderDetail }) {
  const t = useTranslations("srm.orderDetail");
  const ti = useTranslations("integration");
  const zh = useLocale() === "zh-CN";
  const qty = useQuantity();
  const { day, when } = useDates();
  const words = useHistoryWords();
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t("plans")} testId="order-plans">
          <Rows items={detail.plans} empty={t("plansEmpty")}>
            {(p) => (
              <li key={p.id} className="space-y-1 px-4 py-2" data-testid="order-plan">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-mono text-xs">{p.number}</span>
                  <SrmStatusBadge kind="plan" status={p.status} />
                  <span className="text-xs text-slate-500">{t("plannedFor", { date: day(p.plannedDate) })}</span>
                  {p.shippedAt ? <span className="text-xs text-slate-500">{t("shippedOn", { date: day(p.shippedAt) })}</span> : null}
                  {p.waybillNo ? <span className="text-xs text-slate-500">{t("waybill", { no: p.waybillNo })}</span> : null}
                </div>
                <div className="text-xs text-slate-700">{p.lines.map((l) => t("lineQty", { line: l.lineNo, qty: qty(l.quantity, l.unit) })).join("；")}</div>
              </li>
            )}
          </Rows>
        </Section>
        <Section title={t("receipts")} testId="order-receipts">
          <Rows items={detail.receipts} empty={t("receiptsEmpty")}>
            {(r) => (
              <li key={r.id} className="space-y-1 px-4 py-2" data-testid="order-receipt">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-mono text-xs">{r.number}</span>
                  <span className="text-xs text-slate-500">{when(r.receivedAt)}</span>
                  {r.receivedBy ? <span className="text-xs text-slate-700">{t("receivedBy", { name: r.receivedBy })}</span> : null}
                  {r.plan ? <span className="text-xs text-slate-500">{t("againstPlan", { plan: r.plan })}</span> : null}
                  <Badge className={r.posted ? "bg-green-50 text-green-700" : "bg-amber-50 text-amber-800"}>{r.posted ? t("posted") : t("notPosted")}</Badge>
                </div>
                <ul className="text-xs text-slate-700">
                  {r.lines.map((l) => (
                    <li key={l.lineNo}>
                      {t("receiptLine", { line: l.lineNo, accepted: qty(l.accepted, l.unit), rejected: qty(l.rejected, l.unit) })}
                      {l.location ? ` · ${t("location", { location: l.location })}` : null}
                    </li>
                  ))}
                </ul>
              </li>
            )}
          </Rows>
        </Section>
      </div>

      <Section title={t("flows")} testId="order-flows">
        <Rows items={detail.flows} empty={t("flowsEmpty")}>
          {(f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2" data-testid="order-flow" data-status={f.status}>
              <span className="font-medium text-slate-900">{f.processName}</span>
              <Badge className={FLOW_TONE[f.status]}>{t(`flowStatus.${f.status}`)}</Badge>
              <span className="text-xs text-slate-500">{t("started", { date: when(f.startedAt) })}</span>
              {f.waiting.map((w) => (
                <span key={w.name} className="text-xs text-slate-700" data-testid="flow-waiting">{w.for ? t("waitingFor", { task: w.name, who: zh ? w.for.zh : w.for.en }) : t("waitingTask", { task: w.name })}</span>
              ))}
              {f.href ? (
                <Link href={f.href} className="text-sm text-brand-700 hover:underline sm:ml-auto" data-testid="flow-link">{f.href.startsWith("/inbox/") ? t("openTask") : t("openInstance")}</Link>
              ) : null}
            </li>
          )}
        </Rows>
      </Section>

      <Section title={t("history")} testId="order-history">
        <Rows items={detail.history} empty={t("historyEmpty")}>
          {(h) => {
            const { sentence, details } = words(h);
            return (
              <li key={h.id} className="space-y-0.5 px-4 py-2" data-testid="history-entry" data-kind={h.kind}>
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <time dateTime={h.at.toISOString()} className="text-xs tabular-nums text-slate-500">{when(h.at)}</time>
                  <span className="text-slate-900">
                    {/* A person's deed names them first; what the system or the ERP did reads on its own. */}
                    {h.actor ? <span className="font-medium">{h.actor} </span> : null}
                    {sentence}
                  </span>
                </div>
                {details.length ? <div className="text-xs text-slate-600" data-testid="history-details">{details.join("；")}</div> : null}
              </li>
            );
          }}
        </Rows>
      </Section>

      <Section title={t("syncLog")} testId="order-sync-log">
        <Rows items={detail.syncLog} empty={t("syncLogEmpty")}>
          {(s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2" data-testid="order-sync-entry">
              <span className="text-xs tabular-nums text-slate-500">{when(s.at)}</span>
              <span className="text-xs text-slate-500">{t(`syncDirection.${s.direction}`)}</span>
              <span className="text-slate-900">{opLabel(ti, s.operation)}</span>
              <Badge className={cn(s.status === "ok" ? "bg-green-50 text-green-700" : "bg-red-50 text-red-700")}>{t(`syncResult.${s.status}`)}</Badge>
              <span className="text-xs tabular-nums text-slate-500">{t("ms", { ms: s.durationMs })}</span>
              {s.href ? <Link href={s.href} className="text-sm text-brand-700 hover:underline sm:ml-auto">{t("viewEntry")}</Link> : null}
            </li>
          )}
        </Rows>
      </Section>
    </>
  );
}
