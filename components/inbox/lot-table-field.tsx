"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, useContext } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError, Input, Select } from "@/components/ui/input";
import type { BinChoice, FormField, LineRow, LotRow } from "@/lib/workflow/forms";

type Notice = Record<string, { shipped: string; lots: { lotNumber: string; quantity: string }[] }>;
type PerLot = Record<string, Record<string, string>>;

/** The field's state as the user left it (kept as JSON text in the form's values), else what each row starts with. */
function lotValue(f: FormField, raw: string | boolean | undefined): Notice | PerLot {
  if (typeof raw === "string" && raw) return JSON.parse(raw) as Notice | PerLot;
  if (f.lotStage === "notice") return Object.fromEntries((f.rows ?? []).map((r) => [r.key, { shipped: String(r.quantity), lots: [{ lotNumber: "", quantity: String(r.quantity) }] }]));
  const rows = f.lotRows ?? [];
  if (f.lotStage === "count") return Object.fromEntries(rows.map((r) => [r.key, { counted: String(r.shipped) }]));
  if (f.lotStage === "inspect") return Object.fromEntries(rows.map((r) => [r.key, { sampled: "0", result: "", rejected: "0", defect: "", note: "" }]));
  if (f.lotStage === "putaway") {
    const only = f.binChoices?.length === 1 ? f.binChoices[0].location : "";
    return Object.fromEntries(rows.map((r) => [r.key, { location: only, bin: "" }]));
  }
  return {};
}

/** What the server gets: numbers as typed (the server checks them), empty notes left out. */
export function lotData(f: FormField, raw: string | boolean | undefined): unknown {
  if (f.lotStage === "summary") return undefined;
  const v = lotValue(f, raw);
  if (f.lotStage !== "inspect") return v;
  return Object.fromEntries(Object.entries(v as PerLot).map(([k, r]) => [k, Object.fromEntries(Object.entries(r).filter(([, x]) => x !== ""))]));
}

type Props = { field: FormField; label: string; idPrefix: string; raw: string | boolean | undefined; onChange: (value: string) => void; error?: string; disabled?: boolean };

/** Wide steps (inspection, summary) show each lot as a card at every width: the task form's column is narrow. */
const Stacked = createContext(false);

/** One cell; on a phone (and in a stacked table) the row is a card and each cell names its column. */
function Cell({ head, children, className }: { head: string; children: React.ReactNode; className?: string }) {
  const stacked = useContext(Stacked);
  return (
    <td className={cn(stacked ? "flex flex-wrap items-center gap-2 py-0.5 text-left" : "px-2 py-1.5 align-top max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-2 max-sm:px-0 max-sm:py-0.5", className, stacked && "text-left")}>
      <span className={cn("w-20 shrink-0 text-xs text-slate-500", !stacked && "sm:hidden")}>{head}</span>
      {children}
    </td>
  );
}

/**
 * The receiving steps' table (form-js component lotTable): the supplier's shipped
 * quantity and lots per line, then per lot the count, the inspection, the put-away
 * bin, and the summary with every figure; quantities with their units, locations and
 * bins by name. Shipped and counted differences are marked on every step.
 */
export function LotTableField(props: Props) {
  const t = useTranslations("receiving.form");
  const zh = useLocale() === "zh-CN";
  const f = props.field;
  const value = lotValue(f, props.raw);
  const set = (next: Notice | PerLot) => props.onChange(JSON.stringify(next));
  const n = (x: number | undefined) => (x === undefined ? "—" : x.toLocaleString(zh ? "zh-CN" : "en"));
  const unit = (r: { unit: string; unitZh?: string; unitEn?: string }) => (zh ? (r.unitZh ?? r.unit) : (r.unitEn ?? r.unit));
  const option = (value?: string) => f.options?.find((o) => o.value === value);
  const place = (r: LotRow) => {
    const loc = f.binChoices?.find((c) => c.location === r.location);
    const bin = loc?.bins.find((b) => b.code === r.bin);
    if (!r.location) return "—";
    return [zh ? (loc?.labelZh ?? r.location) : (loc?.labelEn ?? r.location), bin ? (zh ? bin.labelZh : bin.labelEn) : r.bin].filter(Boolean).join(" · ");
  };
  const head = (k: string) => <th key={k} className="whitespace-nowrap px-2 py-2 font-medium">{t(k)}</th>;
  const id = (key: string, what: string) => `${props.idPrefix}-${f.name}-${key}-${what}`;
  const difference = (r: LotRow) => (r.counted === undefined ? 0 : r.counted - r.shipped);
  const diffText = (d: number) => (d === 0 ? t("noDifference") : d > 0 ? `+${n(d)}` : n(d));

  let columns: string[] = [];
  let body: React.ReactNode = null;
  if (f.lotStage === "notice") {
    const v = value as Notice;
    const rows: LineRow[] = f.rows ?? [];
    columns = ["item", "planned", "shipped", "lots"];
    const put = (key: string, next: Notice[string]) => set({ ...v, [key]: next });
    body = rows.map((r) => {
      const line = v[r.key] ?? { shipped: "0", lots: [] };
      return (
        <tr key={r.key} data-testid="lot-line" className="border-t border-slate-100 max-sm:block max-sm:px-3 max-sm:py-2">
          <Cell head={t("item")} className="max-sm:font-medium">{r.label}</Cell>
          <Cell head={t("planned")} className="whitespace-nowrap text-right tabular-nums">{`${n(r.quantity)} ${zh ? (r.unitZh ?? r.unit) : (r.unitEn ?? r.unit)}`}</Cell>
          <Cell head={t("shipped")}>
            <Input id={id(r.key, "shipped")} aria-label={`${r.label} · ${t("shipped")}`} data-field="shipped" type="number" inputMode="decimal" min={0} step="any" className="w-28 text-right" value={line.shipped} disabled={props.disabled} onChange={(e) => put(r.key, { ...line, shipped: e.target.value })} />
          </Cell>
          <Cell head={t("lots")}>
            <div className="space-y-1.5 max-sm:w-full">
              {line.lots.map((l, i) => (
                <div key={i} className="flex items-center gap-1.5" data-testid="lot-entry">
                  <Input aria-label={`${r.label} · ${t("lotNumber")} ${i + 1}`} data-field="lotNumber" placeholder={t("lotNumber")} className="w-36 max-sm:w-auto max-sm:min-w-0 max-sm:flex-1" value={l.lotNumber} maxLength={40} disabled={props.disabled} onChange={(e) => put(r.key, { ...line, lots: line.lots.map((x, j) => (j === i ? { ...x, lotNumber: e.target.value } : x)) })} />
                  <Input aria-label={`${r.label} · ${t("lotQuantity")} ${i + 1}`} data-field="lotQuantity" type="number" inputMode="decimal" min={0} step="any" className="w-24 text-right max-sm:w-20" value={l.quantity} disabled={props.disabled} onChange={(e) => put(r.key, { ...line, lots: line.lots.map((x, j) => (j === i ? { ...x, quantity: e.target.value } : x)) })} />
                  {line.lots.length > 1 ? (
                    <Button type="button" variant="secondary" className="h-10 shrink-0 px-2" disabled={props.disabled} onClick={() => put(r.key, { ...line, lots: line.lots.filter((_, j) => j !== i) })}>{t("removeLot")}</Button>
                  ) : null}
                </div>
              ))}
              <Button type="button" variant="secondary" className="h-9 px-2 text-xs" data-testid="add-lot" disabled={props.disabled} onClick={() => put(r.key, { ...line, lots: [...line.lots, { lotNumber: "", quantity: "0" }] })}>{t("addLot")}</Button>
            </div>
          </Cell>
        </tr>
      );
    });
  } else {
    const v = value as PerLot;
    const rows = f.lotRows ?? [];
    const put = (key: string, k: string, x: string) => set({ ...v, [key]: { ...v[key], [k]: x } });
    const base = (r: LotRow) => [
      <Cell key="item" head={t("item")} className="max-sm:font-medium sm:col-span-2">{r.label}</Cell>,
      <Cell key="lot" head={t("lotNumber")} className="whitespace-nowrap">{r.lotNumber}</Cell>,
      <Cell key="shipped" head={t("shipped")} className="whitespace-nowrap text-right tabular-nums">{`${n(r.shipped)} ${unit(r)}`}</Cell>,
    ];
    const counted = (r: LotRow) => [
      <Cell key="counted" head={t("counted")} className="whitespace-nowrap text-right tabular-nums">{n(r.counted)}</Cell>,
      <Cell key="difference" head={t("difference")} className={cn("whitespace-nowrap text-right tabular-nums", difference(r) !== 0 && "font-medium text-amber-700")}>{diffText(difference(r))}</Cell>,
    ];
    if (f.lotStage === "count") {
      columns = ["item", "lotNumber", "shipped", "counted", "difference"];
      body = rows.map((r) => {
        const c = v[r.key]?.counted ?? "";
        const d = c === "" || !Number.isFinite(Number(c)) ? 0 : Number(c) - r.shipped;
        return (
          <tr key={r.key} data-testid="lot-row" className="border-t border-slate-100 max-sm:block max-sm:px-3 max-sm:py-2">
            {base(r)}
            <Cell head={t("counted")}>
              <Input aria-label={`${r.label} ${r.lotNumber} · ${t("counted")}`} data-field="counted" type="number" inputMode="decimal" min={0} step="any" className="w-28 text-right" value={c} disabled={props.disabled} onChange={(e) => put(r.key, "counted", e.target.value)} />
            </Cell>
            <Cell head={t("difference")} className={cn("whitespace-nowrap text-right tabular-nums", d !== 0 && "font-medium text-amber-700")}>{diffText(d)}</Cell>
          </tr>
        );
      });
    } else if (f.lotStage === "inspect") {
      columns = ["item", "lotNumber", "shipped", "counted", "difference", "sampled", "result", "rejected", "defect", "note"];
      body = rows.map((r) => {
        const x = v[r.key] ?? {};
        const label = `${r.label} ${r.lotNumber}`;
        return (
          <tr key={r.key} data-testid="lot-row" className="border-t border-slate-100 max-sm:block max-sm:px-3 max-sm:py-2">
            {base(r)}
            {counted(r)}
            <Cell head={t("sampled")}><Input aria-label={`${label} · ${t("sampled")}`} data-field="sampled" type="number" inputMode="decimal" min={0} step="any" className="w-20 text-right" value={x.sampled ?? ""} disabled={props.disabled} onChange={(e) => put(r.key, "sampled", e.target.value)} /></Cell>
            <Cell head={t("result")}>
              <Select aria-label={`${label} · ${t("result")}`} data-field="result" className="w-36" value={x.result ?? ""} disabled={props.disabled} onChange={(e) => put(r.key, "result", e.target.value)}>
                <option value="">{t("choose")}</option>
                {(["pass", "fail", "concession"] as const).map((o) => <option key={o} value={o}>{t(`results.${o}`)}</option>)}
              </Select>
            </Cell>
            <Cell head={t("rejected")}><Input aria-label={`${label} · ${t("rejected")}`} data-field="rejected" type="number" inputMode="decimal" min={0} step="any" className="w-20 text-right" value={x.rejected ?? ""} disabled={props.disabled} onChange={(e) => put(r.key, "rejected", e.target.value)} /></Cell>
            <Cell head={t("defect")}>
              <Select aria-label={`${label} · ${t("defect")}`} data-field="defect" className="w-32" value={x.defect ?? ""} disabled={props.disabled} onChange={(e) => put(r.key, "defect", e.target.value)}>
                <option value="">{t("none")}</option>
                {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{zh ? o.labelZh : o.labelEn}</option>)}
              </Select>
            </Cell>
            <Cell head={t("note")}><Input aria-label={`${label} · ${t("note")}`} data-field="note" className="w-40" maxLength={500} value={x.note ?? ""} disabled={props.disabled} onChange={(e) => put(r.key, "note", e.target.value)} /></Cell>
          </tr>
        );
      });
    } else if (f.lotStage === "putaway") {
      columns = ["item", "lotNumber", "accepted", "location", "bin"];
      body = rows.map((r) => {
        const x = v[r.key] ?? {};
        const label = `${r.label} ${r.lotNumber}`;
        const choice: BinChoice | undefined = f.binChoices?.find((c) => c.location === x.location);
        return (
          <tr key={r.key} data-testid="lot-row" className="border-t border-slate-100 max-sm:block max-sm:px-3 max-sm:py-2">
            <Cell head={t("item")} className="max-sm:font-medium">{r.label}</Cell>
            <Cell head={t("lotNumber")} className="whitespace-nowrap">{r.lotNumber}</Cell>
            <Cell head={t("accepted")} className="whitespace-nowrap text-right tabular-nums">{`${n(r.accepted)} ${unit(r)}`}</Cell>
            <Cell head={t("location")}>
              <Select aria-label={`${label} · ${t("location")}`} data-field="location" className="w-36" value={x.location ?? ""} disabled={props.disabled} onChange={(e) => set({ ...v, [r.key]: { location: e.target.value, bin: "" } })}>
                <option value="">{t("choose")}</option>
                {(f.binChoices ?? []).map((c) => <option key={c.location} value={c.location}>{zh ? c.labelZh : c.labelEn}</option>)}
              </Select>
            </Cell>
            <Cell head={t("bin")}>
              <Select aria-label={`${label} · ${t("bin")}`} data-field="bin" className="w-36" value={x.bin ?? ""} disabled={props.disabled || !choice} onChange={(e) => put(r.key, "bin", e.target.value)}>
                <option value="">{t("choose")}</option>
                {(choice?.bins ?? []).map((b) => <option key={b.code} value={b.code}>{zh ? b.labelZh : b.labelEn}</option>)}
              </Select>
            </Cell>
          </tr>
        );
      });
    } else {
      columns = ["item", "lotNumber", "shipped", "counted", "difference", "result", "accepted", "rejected", "defect", "place"];
      body = rows.map((r) => (
        <tr key={r.key} data-testid="lot-row" className="border-t border-slate-100 max-sm:block max-sm:px-3 max-sm:py-2">
          {base(r)}
          {counted(r)}
          <Cell head={t("result")} className="whitespace-nowrap">{r.result ? t(`results.${r.result}`) : "—"}</Cell>
          <Cell head={t("accepted")} className="whitespace-nowrap text-right tabular-nums">{n(r.accepted)}</Cell>
          <Cell head={t("rejected")} className={cn("whitespace-nowrap text-right tabular-nums", (r.rejected ?? 0) > 0 && "font-medium text-red-700")}>{n(r.rejected)}</Cell>
          <Cell head={t("defect")}>{r.defect ? (zh ? option(r.defect)?.labelZh : option(r.defect)?.labelEn) ?? t("otherDefect") : "—"}</Cell>
          <Cell head={t("place")}>{(r.rejected ?? 0) > 0 && !r.accepted ? t("quarantine") : place(r)}{(r.rejected ?? 0) > 0 && r.accepted ? `；${t("rejectedToQuarantine")}` : ""}</Cell>
        </tr>
      ));
    }
  }
  const stacked = f.lotStage === "inspect" || f.lotStage === "summary";
  return (
    <fieldset className="min-w-0 sm:col-span-2" aria-invalid={props.error ? true : undefined} data-testid={`field-${f.name}`}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{props.label}</legend>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <Stacked.Provider value={stacked}>
          <table className={cn("w-full text-sm", stacked ? "block [&_tr]:grid [&_tr]:gap-x-4 [&_tr]:px-3 [&_tr]:py-2 sm:[&_tr]:grid-cols-2" : "max-sm:block")}>
            <thead className={cn("bg-slate-50 text-left text-slate-600", stacked ? "hidden" : "max-sm:hidden")}>
              <tr>{columns.map(head)}</tr>
            </thead>
            <tbody className={stacked ? "block" : "max-sm:block"}>{body}</tbody>
          </table>
        </Stacked.Provider>
      </div>
      <FieldError message={props.error} />
    </fieldset>
  );
}
