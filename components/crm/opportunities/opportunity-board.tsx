"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { moveOpportunityAction } from "@/app/(workbench)/crm/opportunities/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";
import type { BoardColumn } from "@/lib/crm/opportunities/opportunity-board";
import { money } from "./money";

type Pending = { id: string; code: string; stage: string };

/**
 * The kanban: drag a card onto another column (HTML5 drag and drop), or choose the stage
 * in the card's select (phones, keyboards). The server decides: a refusal (a review needed
 * first) is shown with its reason and the card stays. Lost asks for the reason first.
 */
export function OpportunityBoard({ columns }: { columns: BoardColumn[] }) {
  const t = useTranslations("opportunities");
  const locale = useLocale();
  const router = useRouter();
  const move = useAction(moveOpportunityAction);
  const [over, setOver] = useState<string | null>(null);
  const [lost, setLost] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const request = (p: Pending) => {
    setNotice(null);
    move.reset();
    if (p.stage === "lost") {
      setLost(p);
      setReason("");
      return;
    }
    move.run({ id: p.id, stage: p.stage }, () => {
      setNotice(t("board.moved", { code: p.code, stage: t(`stages.${p.stage}`) }));
      router.refresh();
    });
  };
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {move.error && !lost ? <div data-testid="board-error"><Alert>{move.error.message}</Alert></div> : null}
        {notice ? <div data-testid="board-notice"><Alert tone="success">{notice}</Alert></div> : null}
      </div>
      {lost ? (
        <form
          className="flex flex-wrap items-end gap-2 rounded-lg border border-red-200 bg-red-50 p-3"
          data-testid="board-lost-form"
          onSubmit={(e) => {
            e.preventDefault();
            move.run({ id: lost.id, stage: "lost", lostReason: reason }, () => {
              setNotice(t("board.moved", { code: lost.code, stage: t("stages.lost") }));
              setLost(null);
              router.refresh();
            });
          }}
        >
          <label className="min-w-48 flex-1 text-sm">
            <span className="mb-1 block">{t("board.lostReason", { code: lost.code })}</span>
            <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoFocus data-testid="board-lost-reason" />
          </label>
          <Button type="submit" size="sm" disabled={move.pending}>{t("board.confirmLost")}</Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setLost(null)}>{t("board.cancel")}</Button>
          {move.error ? <p className="w-full text-sm text-red-700">{move.fieldError("lostReason") ?? move.error.message}</p> : null}
        </form>
      ) : null}
      <div className="flex gap-3 overflow-x-auto pb-2 max-md:flex-col max-md:overflow-visible" data-testid="opportunity-board">
        {columns.map((c) => (
          <section
            key={c.stage}
            className={cn("flex w-64 shrink-0 flex-col rounded-lg border bg-slate-50 p-2 max-md:w-full", over === c.stage ? "border-brand-600 bg-brand-50" : "border-slate-200")}
            data-testid={`board-column-${c.stage}`}
            aria-label={t(`stages.${c.stage}`)}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes("text/opportunity")) {
                e.preventDefault();
                setOver(c.stage);
              }
            }}
            onDragLeave={() => setOver((s) => (s === c.stage ? null : s))}
            onDrop={(e) => {
              e.preventDefault();
              setOver(null);
              const data = e.dataTransfer.getData("text/opportunity");
              if (!data) return;
              const { id, code, from } = JSON.parse(data) as { id: string; code: string; from: string };
              if (from !== c.stage) request({ id, code, stage: c.stage });
            }}
          >
            <header className="mb-2 px-1">
              <h2 className="flex items-center justify-between text-sm font-semibold">
                <span>{t(`stages.${c.stage}`)}</span>
                <span className="text-xs font-normal text-slate-500">{c.probability}%</span>
              </h2>
              <p className="text-xs text-slate-500">{t("board.columnTotal", { count: c.count, amount: c.totals.length ? c.totals.map((x) => money(x.total, x.currencyCode, locale)).join(" + ") : money(0, "CNY", locale) })}{c.requiresReview ? ` · ${t("board.needsReview")}` : ""}</p>
            </header>
            <ul className="flex min-h-16 flex-col gap-2">
              {c.rows.map((r) => (
                <li
                  key={r.id}
                  draggable={r.mayMove}
                  onDragStart={(e) => {
                    e.dataTransfer.setData("text/opportunity", JSON.stringify({ id: r.id, code: r.code, from: c.stage }));
                    e.dataTransfer.effectAllowed = "move";
                  }}
                  className={cn("rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm", r.mayMove && "cursor-grab")}
                  data-testid="board-card"
                  data-code={r.code}
                >
                  <Link href={`/crm/opportunities/${r.id}`} className="block font-medium text-brand-700 hover:underline">{r.name}</Link>
                  <p className="text-xs text-slate-500">{r.code} · {r.customer.name}</p>
                  <p className="mt-1 flex justify-between text-xs">
                    <span className="font-medium tabular-nums">{money(r.amount, r.currencyCode, locale)}</span>
                    <span className="text-slate-500">{r.expectedCloseDate ?? ""}</span>
                  </p>
                  {r.mayMove ? (
                    <Select
                      aria-label={t("board.moveCard", { code: r.code })}
                      className="mt-2 h-8 text-xs"
                      value={c.stage}
                      disabled={move.pending}
                      onChange={(e) => request({ id: r.id, code: r.code, stage: e.target.value })}
                      data-testid="board-card-stage"
                    >
                      {columns.map((x) => <option key={x.stage} value={x.stage}>{t(`stages.${x.stage}`)}</option>)}
                    </Select>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
