"use client";

import { Play } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { dryRunAction } from "@/app/(workbench)/processes/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import type { EditorOptions } from "@/lib/process-admin/editor-options";
import type { DryRunResult } from "@/lib/workflow/dry-run";
import type { ModelerApi } from "./modeler";

type Scalar = string | number | boolean | null;

/**
 * Simulates the diagram on the server with sample start data and, per user
 * task, the decision to take (or letting its SLA timer fire); shows the path
 * and who would receive each task. Nothing is stored.
 */
export function DryRunPanel({ api, options }: { api: ModelerApi; options: EditorOptions }) {
  const t = useTranslations("processes.dryRun");
  const en = useLocale() === "en";
  const label = (c: { labelZh: string; labelEn: string }) => (en ? c.labelEn : c.labelZh);
  // Read once when the panel opens; "refresh" re-reads after editing.
  const [snapshot, setSnapshot] = useState(() => ({ start: api.startFormKey(), tasks: api.userTasks() }));
  const startForm = options.forms.find((f) => f.value === snapshot.start);
  const [values, setValues] = useState<Record<string, string>>({});
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const incident = useTranslations("processes.incident");
  const [pending, setPending] = useState(false);
  const groupName = useMemo(() => new Map(options.groups.map((g) => [g.value, label(g)])), [options.groups, en]); // eslint-disable-line react-hooks/exhaustive-deps

  function taskOptions(formKey: string | null, hasTimer: boolean) {
    const form = options.forms.find((f) => f.value === formKey);
    const decision = form?.fields.find((f) => f.type === "decision");
    const list = decision ? (decision.options ?? []).map((o) => ({ value: `decision:${o.value}`, label: label(o) })) : [{ value: "complete", label: t("complete") }];
    if (hasTimer) list.push({ value: "timeout", label: t("timeout") });
    return list;
  }

  async function run() {
    setPending(true);
    setError(null);
    const variables: Record<string, Scalar> = {};
    for (const f of startForm?.fields ?? []) {
      const raw = values[f.name];
      if (raw === undefined || raw === "") continue;
      variables[f.name] = f.type === "number" ? Number(raw) : f.type === "boolean" ? raw === "true" : raw;
    }
    const picked: Record<string, "timeout" | Record<string, Scalar>> = {};
    for (const task of snapshot.tasks) {
      const c = choices[task.id] ?? taskOptions(task.formKey, task.hasTimer)[0]?.value;
      if (c === "timeout") picked[task.id] = "timeout";
      else if (c?.startsWith("decision:")) picked[task.id] = { decision: c.slice("decision:".length) };
      else picked[task.id] = {};
    }
    try {
      const res = await dryRunAction({ xml: await api.saveXML(), variables, choices: picked });
      if (!res.ok) return setError(res.error.message);
      setResult(res.data);
      api.markPath(res.data.path, res.data.steps.filter((s) => s.kind === "userTask").map((s) => s.elementId));
    } catch {
      setError(t("failed"));
    } finally {
      setPending(false);
    }
  }

  const decisionLabel = (value: string) => {
    const o = options.variables.find((v) => v.value === "decision")?.options?.find((x) => x.value === value);
    return o ? label(o) : value;
  };
  const who = (s: DryRunResult["steps"][number]) => {
    if (s.kind !== "userTask") return s.handler ? t("handler", { handler: s.handler }) : s.messageName ? t("message", { name: s.messageName }) : "—";
    const parts: string[] = [];
    if (s.assignee) parts.push(t("person", { name: s.assigneeName ?? s.assignee }));
    if (s.candidateGroups?.length) parts.push(t("groups", { groups: s.candidateGroups.map((g) => groupName.get(g) ?? g).join("、") }));
    if (s.candidateSupplier) parts.push(t("supplier", { name: s.supplierName ?? s.candidateSupplier }));
    return parts.length ? parts.join("；") : t("nobody");
  };

  return (
    <section className="rounded-lg border border-brand-200 bg-white p-3" aria-labelledby="dry-run-title" data-testid="dry-run">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="dry-run-title" className="text-sm font-semibold text-slate-800">{t("title")}</h2>
        <Button variant="ghost" size="sm" onClick={() => setSnapshot({ start: api.startFormKey(), tasks: api.userTasks() })}>{t("refresh")}</Button>
      </div>
      <p className="mb-3 text-xs text-slate-500">{t("intro")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <fieldset className="min-w-0 space-y-2">
          <legend className="mb-1 text-xs font-semibold uppercase text-slate-500">{t("startData")}</legend>
          {startForm ? (
            startForm.fields.map((f) => (
              <div key={f.name}>
                <Label htmlFor={`dry-${f.name}`}>{label(f)}</Label>
                {f.options?.length ? (
                  <Select id={`dry-${f.name}`} value={values[f.name] ?? ""} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}>
                    <option value="" />
                    {f.options.map((o) => <option key={o.value} value={o.value}>{label(o)}</option>)}
                  </Select>
                ) : (
                  <Input id={`dry-${f.name}`} type={f.type === "number" ? "number" : f.type === "date" ? "date" : "text"} value={values[f.name] ?? ""} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
                )}
              </div>
            ))
          ) : (
            <p className="text-sm text-slate-500">{t("noStartForm")}</p>
          )}
        </fieldset>
        <fieldset className="min-w-0 space-y-2">
          <legend className="mb-1 text-xs font-semibold uppercase text-slate-500">{t("outcomes")}</legend>
          {snapshot.tasks.length ? (
            snapshot.tasks.map((task) => (
              <div key={task.id}>
                <Label htmlFor={`dry-task-${task.id}`}>{task.name}</Label>
                <Select id={`dry-task-${task.id}`} data-element-id={task.id} value={choices[task.id] ?? ""} onChange={(e) => setChoices({ ...choices, [task.id]: e.target.value })}>
                  {taskOptions(task.formKey, task.hasTimer).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </Select>
              </div>
            ))
          ) : (
            <p className="text-sm text-slate-500">{t("noTasks")}</p>
          )}
        </fieldset>
      </div>
      <div className="mt-3">
        <Button size="sm" onClick={run} disabled={pending} data-testid="dry-run-start">
          <Play className="h-4 w-4" aria-hidden />
          {pending ? t("running") : t("run")}
        </Button>
      </div>
      {error ? <div className="mt-3"><Alert>{error}</Alert></div> : null}
      {result ? (
        <div className="mt-3 space-y-2" data-testid="dry-run-result" data-status={result.status}>
          <Alert tone={result.status === "completed" ? "success" : result.status === "invalid" || result.status === "error" ? "error" : "info"}>
            {t(`status.${result.status}`)}
            {result.error ? ` ${incident.has(result.errorCode ?? "") ? incident(result.errorCode as "engine_error") : incident("engine_error")}` : ""}
            {result.error ? (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer">{incident("details")}</summary>
                <p className="mt-1 whitespace-pre-wrap break-words font-mono">{result.error.slice(0, 1000)}</p>
              </details>
            ) : null}
          </Alert>
          {result.steps.length ? (
            <TableContainer>
              <Table>
                <thead>
                  <tr>
                    <Th>#</Th>
                    <Th>{t("step")}</Th>
                    <Th>{t("receiver")}</Th>
                    <Th>{t("due")}</Th>
                    <Th>{t("then")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {result.steps.map((s, i) => (
                    <tr key={`${s.elementId}-${i}`} data-element-id={s.elementId}>
                      <Td className="tabular-nums text-slate-500">{i + 1}</Td>
                      <Td>{s.name}</Td>
                      <Td>{who(s)}</Td>
                      <Td className="whitespace-nowrap">{s.dueAt ? new Date(s.dueAt).toLocaleString(en ? "en" : "zh-CN", { dateStyle: "short", timeStyle: "short" }) : "—"}</Td>
                      <Td>{s.action === "timeout" ? t("timedOut") : s.data?.decision ? t("decided", { decision: decisionLabel(String(s.data.decision)) }) : t("went")}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </TableContainer>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
