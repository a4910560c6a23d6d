"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { distributeLeadsAction } from "@/app/(workbench)/crm/leads/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { ListTable, Td } from "@/components/ui/table";
import type { LeadRow } from "@/lib/crm/leads/list-leads";
import { IdleDays, LeadStatusBadge } from "./lead-badges";

type Target = { id: string; label: string };

/**
 * The lead list; with `targets` (the sales lead's pool and team views) rows can be
 * ticked and given to a rep of the department in one go.
 */
export function LeadTable({ rows, targets }: { rows: LeadRow[]; targets: Target[] | null }) {
  const t = useTranslations("leads.list");
  const ts = useTranslations("leads.sources");
  const give = useAction(distributeLeadsAction);
  const [picked, setPicked] = useState<string[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const [none, setNone] = useState(false);
  const columns = [...(targets ? [{ label: "", className: "w-8" }] : []), { label: t("columns.company") }, { label: t("columns.status") }, { label: t("columns.source") }, { label: t("columns.contact") }, { label: t("columns.owner") }, { label: t("columns.idle") }];
  const table = (
    <ListTable testId="leads" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="lead-row" data-name={r.companyName}>
          {targets ? (
            <Td>
              <input type="checkbox" className="h-4 w-4" aria-label={t("select", { name: r.companyName })} data-testid="lead-pick" checked={picked.includes(r.id)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r.id] : p.filter((x) => x !== r.id)))} />
            </Td>
          ) : null}
          <Td className="min-w-56">
            <div>
              <Link href={`/crm/leads/${r.id}`} className="font-medium text-brand-700 hover:underline" data-testid="lead-link">{r.companyName}</Link>
              <div className="text-xs text-slate-500">{[r.code, r.region, r.industry].filter(Boolean).join(" · ")}</div>
            </div>
          </Td>
          <Td label={t("columns.status")}><LeadStatusBadge status={r.status} /></Td>
          <Td label={t("columns.source")}><span>{ts(r.source)}</span></Td>
          <Td className="whitespace-nowrap" label={t("columns.contact")}>
            <div>
              {r.contactName ?? "—"}
              {r.phone ? <a href={`tel:${r.phone.replace(/[^\d+]/g, "")}`} className="ml-2 text-brand-700 hover:underline">{r.phone}</a> : null}
            </div>
          </Td>
          <Td className="whitespace-nowrap" label={t("columns.owner")}><span data-testid="lead-owner">{r.ownerName ?? t("pool")}</span></Td>
          <Td className="whitespace-nowrap" label={t("columns.idle")}><IdleDays days={r.idleDays} /></Td>
        </tr>
      ))}
    </ListTable>
  );
  if (!targets) return table;
  return (
    <form
      className="space-y-3"
      data-testid="distribute-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        setNone(!picked.length);
        if (!picked.length) return;
        const ownerId = String(new FormData(e.currentTarget).get("ownerId") ?? "");
        give.run({ ids: picked, ownerId }, (r) => {
          setDone(r.count);
          setPicked([]);
        });
      }}
    >
      {table}
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48">
          <Field id="distribute-owner" label={t("distributeTo")} error={give.fieldError("ownerId")}>
            <Select id="distribute-owner" name="ownerId" data-testid="distribute-owner">
              {targets.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </Select>
          </Field>
        </div>
        <Button type="submit" size="sm" disabled={give.pending} data-testid="distribute-submit">{t("distribute")}</Button>
        {done !== null ? <span role="status" className="text-sm text-green-700">{t("distributed", { count: done })}</span> : null}
        {none ? <span className="text-sm text-red-700">{t("pickSome")}</span> : null}
      </div>
      {give.error && !Object.keys(give.error.fieldErrors ?? {}).length ? <Alert>{give.error.message}</Alert> : null}
    </form>
  );
}
