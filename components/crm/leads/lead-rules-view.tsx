"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { addAssignmentRuleAction, addSourceRuleAction, deleteLeadRuleAction, setLeadStaleDaysAction } from "@/app/(workbench)/crm/leads/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ListTable, Td } from "@/components/ui/table";
import { ASSIGNMENT_RULE_KINDS, LEAD_SOURCES, SOURCE_RULE_KINDS } from "@/lib/crm/leads/lead.schema";

type SourceRow = { id: string; position: number; kind: string; pattern: string; source: string };
type AssignRow = { id: string; position: number; kind: string; pattern: string; target: string };
type ActionError = { message: string; fieldErrors?: Record<string, string> } | null;

const formError = (error: ActionError) => (error && !Object.keys(error.fieldErrors ?? {}).length ? <Alert>{error.message}</Alert> : null);

function DeleteButton({ list, id }: { list: "source" | "assignment"; id: string }) {
  const t = useTranslations("leads.rules");
  const del = useAction(deleteLeadRuleAction);
  return <Button type="button" size="sm" variant="secondary" disabled={del.pending} onClick={() => del.run({ list, id })}>{t("delete")}</Button>;
}

/** The lead rules editor: two ordered lists with an add form each, and the stale-lead days. */
export function LeadRulesView({ sources, assignments, staleDays, targets }: { sources: SourceRow[]; assignments: AssignRow[]; staleDays: number; targets: { value: string; label: string }[] }) {
  const t = useTranslations("leads.rules");
  const ts = useTranslations("leads.sources");
  const addSource = useAction(addSourceRuleAction);
  const addAssign = useAction(addAssignmentRuleAction);
  const stale = useAction(setLeadStaleDaysAction);
  const [saved, setSaved] = useState(false);
  const next = (rows: { position: number }[]) => (rows.length ? Math.max(...rows.map((r) => r.position)) + 10 : 10);
  const submit = (run: (input: Record<string, unknown>, ok: () => void) => void) => (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    run(Object.fromEntries(new FormData(form)), () => form.reset());
  };
  return (
    <div className="space-y-6">
      <Card data-testid="source-rules">
        <h2 className="mb-2 font-medium">{t("sourceTitle")}</h2>
        <ListTable testId="source-rule-table" columns={[{ label: t("position") }, { label: t("kind") }, { label: t("pattern") }, { label: t("source") }, { label: "" }]} empty={t("empty")} isEmpty={!sources.length} cards>
          {sources.map((r) => (
            <tr key={r.id} data-testid="source-rule">
              <Td label={t("position")}><span>{r.position}</span></Td>
              <Td label={t("kind")}><span>{t(`sourceKinds.${r.kind}`)}</span></Td>
              <Td label={t("pattern")}><span>{r.pattern}</span></Td>
              <Td label={t("source")}><span>{ts(r.source)}</span></Td>
              <Td><DeleteButton list="source" id={r.id} /></Td>
            </tr>
          ))}
        </ListTable>
        <form className="mt-3 grid gap-3 sm:grid-cols-5 sm:items-end" onSubmit={submit((input, ok) => addSource.run(input, ok))} data-testid="source-rule-form">
          <Field id="sr-position" label={t("position")} error={addSource.fieldError("position")}><Input id="sr-position" name="position" inputMode="numeric" defaultValue={next(sources)} /></Field>
          <Field id="sr-kind" label={t("kind")} error={addSource.fieldError("kind")}>
            <Select id="sr-kind" name="kind">{SOURCE_RULE_KINDS.map((k) => <option key={k} value={k}>{t(`sourceKinds.${k}`)}</option>)}</Select>
          </Field>
          <Field id="sr-pattern" label={t("pattern")} hint={t("patternHint")} error={addSource.fieldError("pattern")}><Input id="sr-pattern" name="pattern" maxLength={200} /></Field>
          <Field id="sr-source" label={t("source")} error={addSource.fieldError("source")}>
            <Select id="sr-source" name="source">{LEAD_SOURCES.map((s) => <option key={s} value={s}>{ts(s)}</option>)}</Select>
          </Field>
          <Button type="submit" size="sm" disabled={addSource.pending}>{t("add")}</Button>
        </form>
        {formError(addSource.error)}
      </Card>
      <Card data-testid="assignment-rules">
        <h2 className="mb-1 font-medium">{t("assignTitle")}</h2>
        <p className="mb-2 text-sm text-slate-600">{t("assignIntro")}</p>
        <ListTable testId="assignment-rule-table" columns={[{ label: t("position") }, { label: t("kind") }, { label: t("pattern") }, { label: t("target") }, { label: "" }]} empty={t("empty")} isEmpty={!assignments.length} cards>
          {assignments.map((r) => (
            <tr key={r.id} data-testid="assignment-rule">
              <Td label={t("position")}><span>{r.position}</span></Td>
              <Td label={t("kind")}><span>{t(`assignKinds.${r.kind}`)}</span></Td>
              <Td label={t("pattern")}><span>{r.pattern || "—"}</span></Td>
              <Td label={t("target")}><span>{r.target}</span></Td>
              <Td><DeleteButton list="assignment" id={r.id} /></Td>
            </tr>
          ))}
        </ListTable>
        <form className="mt-3 grid gap-3 sm:grid-cols-5 sm:items-end" onSubmit={submit((input, ok) => addAssign.run(input, ok))} data-testid="assignment-rule-form">
          <Field id="ar-position" label={t("position")} error={addAssign.fieldError("position")}><Input id="ar-position" name="position" inputMode="numeric" defaultValue={next(assignments)} /></Field>
          <Field id="ar-kind" label={t("kind")} error={addAssign.fieldError("kind")}>
            <Select id="ar-kind" name="kind">{ASSIGNMENT_RULE_KINDS.map((k) => <option key={k} value={k}>{t(`assignKinds.${k}`)}</option>)}</Select>
          </Field>
          <Field id="ar-pattern" label={t("pattern")} hint={t("patternHint")} error={addAssign.fieldError("pattern")}><Input id="ar-pattern" name="pattern" maxLength={200} /></Field>
          <Field id="ar-target" label={t("target")} error={addAssign.fieldError("target")}>
            <Select id="ar-target" name="target" defaultValue="">
              <option value="" disabled>{t("pickTarget")}</option>
              {targets.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </Select>
          </Field>
          <Button type="submit" size="sm" disabled={addAssign.pending}>{t("add")}</Button>
        </form>
        {formError(addAssign.error)}
      </Card>
      <Card data-testid="stale-days">
        <h2 className="mb-2 font-medium">{t("staleTitle")}</h2>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            stale.run(Object.fromEntries(new FormData(e.currentTarget)), () => setSaved(true));
          }}
        >
          <Field id="stale-days-input" label={t("staleDays")} error={stale.fieldError("days")}><Input id="stale-days-input" name="days" inputMode="numeric" defaultValue={staleDays} className="w-24" /></Field>
          <Button type="submit" size="sm" variant="secondary" disabled={stale.pending}>{t("staleSave")}</Button>
          {saved ? <span role="status" className="text-sm text-green-700">{t("saved")}</span> : null}
        </form>
        {formError(stale.error)}
      </Card>
    </div>
  );
}
