import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Diagram } from "@/components/bpmn-editor/diagram";
import { CancelInstance, MoveToken, RetryJob } from "@/components/bpmn-editor/instance-actions";
import { InstanceStatusBadge } from "@/components/bpmn-editor/instance-status";
import { RecordContext } from "@/components/inbox/record-context";
import { IncidentReason } from "@/components/processes/incident-reason";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getInstanceDetail } from "@/lib/process-admin/get-instance";

/** The short detail after an event's label: a cancel reason, where a token was moved (by step name) and why. */
function eventDetail(type: string, data: unknown, nameOf: (id: string) => string): string {
  const d = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  if (type === "instance.cancelled" && d.reason) return `：${String(d.reason)}`;
  if (type === "token.moved") return `：${nameOf(String(d.fromElementId ?? ""))} → ${nameOf(String(d.toElementId ?? ""))}${d.reason ? ` · ${String(d.reason)}` : ""}`;
  return "";
}

/** A variables.changed event: each key with its value before and after (values were trimmed when recorded). */
function VariableChanges({ data, unset }: { data: unknown; unset: string }) {
  const d = (data && typeof data === "object" ? data : {}) as { keys?: unknown; changes?: Record<string, { before?: unknown; after?: unknown }> };
  const keys = Array.isArray(d.keys) ? d.keys.filter((k): k is string => typeof k === "string") : [];
  const text = (v: unknown) => (v === null || v === undefined ? unset : typeof v === "object" ? JSON.stringify(v) : String(v));
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-600" data-testid="variable-changes">
      {keys.map((k) => (
        <li key={k} className="break-all"><code>{k}</code>: {text(d.changes?.[k]?.before)} → {text(d.changes?.[k]?.after)}</li>
      ))}
    </ul>
  );
}

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("process.operate");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [t, format, locale, inst] = await Promise.all([getTranslations("processes"), getFormatter(), getLocale(), getInstanceDetail(await getDb(), actor, id)]);
  if (!inst) notFound();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "medium" }) : "—");
  const active = inst.status === "running" || inst.status === "incident";
  const names = new Map(inst.history.filter((h) => h.elementId).map((h) => [h.elementId!, h.elementName ?? h.elementId!] as const));
  const elementName = (id: string) => names.get(id) ?? id;
  const canMove = inst.status === "running" && inst.tasks.some((task) => task.status === "open");
  return (
    <div className="space-y-4">
      <PageHeader title={`${inst.definition.name} · ${inst.businessKey ?? inst.id.slice(0, 8)}`}>
        <div className="flex flex-wrap items-center gap-2">
          <InstanceStatusBadge status={inst.status} />
          {active ? <CancelInstance id={inst.id} /> : null}
          <Link href={`/processes/instances?key=${encodeURIComponent(inst.definition.key)}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>{t("instances.title")}</Link>
        </div>
      </PageHeader>
      {inst.status === "incident" || inst.incident ? <IncidentReason code={inst.incidentCode} detail={inst.incident} /> : null}
      <dl className="grid gap-2 text-sm sm:grid-cols-4">
        <div><dt className="text-slate-500">{t("instance.version")}</dt><dd>{inst.definition.key} v{inst.definition.version}</dd></div>
        <div><dt className="text-slate-500">{t("instances.starter")}</dt><dd>{inst.starterName ?? t("versions.system")}</dd></div>
        <div><dt className="text-slate-500">{t("instances.startedAt")}</dt><dd>{when(inst.startedAt)}</dd></div>
        <div><dt className="text-slate-500">{t("instance.endedAt")}</dt><dd>{when(inst.endedAt)}</dd></div>
      </dl>
      <div>
        <Diagram xml={inst.definition.xml} markers={{ "ff-done": inst.markers.done, "ff-current": inst.markers.current, "ff-incident": inst.markers.incident }} className="h-72 overflow-hidden rounded-md border border-slate-200 bg-white sm:h-96" testId="instance-diagram" />
        <ul className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
          <li className="flex items-center gap-1.5"><span className="h-3 w-4 rounded-sm border border-green-700 bg-green-50" aria-hidden />{t("instance.legendDone")}</li>
          <li className="flex items-center gap-1.5"><span className="h-3 w-4 rounded-sm border-2 border-blue-700 bg-blue-100" aria-hidden />{t("instance.legendCurrent")}</li>
          <li className="flex items-center gap-1.5"><span className="h-3 w-4 rounded-sm border-2 border-red-600 bg-red-100" aria-hidden />{t("instance.legendIncident")}</li>
        </ul>
      </div>

      {inst.jobs.length ? (
        <Card>
          <h2 className="mb-2 text-sm font-semibold">{t("instance.jobs")}</h2>
          <ul className="space-y-2 text-sm">
            {inst.jobs.map((j) => (
              <li key={j.id} className="flex flex-wrap items-start justify-between gap-2" data-job-status={j.status}>
                <span>
                  <span title={j.elementId}>{j.elementName}</span> · {t(`instance.jobKind.${j.kind === "timer" ? "timer" : "service"}`)} · {t(`instance.jobStatus.${j.status}`)} · {t("instance.attempts", { attempts: j.attempts, max: j.maxAttempts })}
                  {j.lastError ? <span className="block text-xs text-red-700">{j.lastError.slice(0, 300)}</span> : null}
                </span>
                {j.status === "failed" ? <RetryJob jobId={j.id} /> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <section>
          <h2 className="mb-2 text-sm font-semibold">{t("instance.tasks")}</h2>
          <TableContainer>
            <Table>
              <thead>
                <tr><Th>{t("instance.task")}</Th><Th>{t("instances.status")}</Th><Th>{t("instance.receiver")}</Th><Th>{t("instance.due")}</Th>{canMove ? <Th><span className="sr-only">{t("move.action")}</span></Th> : null}</tr>
              </thead>
              <tbody>
                {inst.tasks.map((task) => (
                  <tr key={task.id} data-element-id={task.elementId}>
                    <Td>{task.name}</Td>
                    <Td>{t(`instance.taskStatus.${task.status}`)}{task.outcome ? ` · ${t.has(`instance.taskOutcome.${task.outcome}`) ? t(`instance.taskOutcome.${task.outcome}`) : task.outcome}` : ""}</Td>
                    <Td className="text-xs">{task.assigneeName ?? (task.offeredTo.map((o) => (locale === "zh-CN" ? o.zh : o.en)).join(locale === "zh-CN" ? "、" : ", ") || "—")}</Td>
                    <Td className="whitespace-nowrap text-xs">{when(task.dueAt)}</Td>
                    {canMove ? <Td>{task.status === "open" ? <MoveToken instanceId={inst.id} version={inst.version} task={{ id: task.id, name: task.name }} targets={task.moveTargets} /> : null}</Td> : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableContainer>
        </section>
        <section>
          <h2 className="mb-2 text-sm font-semibold">{t("instance.record")}</h2>
          <Card>
            <RecordContext items={inst.record} />
          </Card>
          {/* The engine's variables as stored, for operators looking into a fault. */}
          <details className="mt-2 text-xs">
            <summary className="cursor-pointer text-slate-600">{t("instance.variables")}</summary>
            <pre className="mt-1 max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="instance-variables">{JSON.stringify(inst.variables, null, 2)}</pre>
          </details>
        </section>
      </div>

      <section>
        <h2 className="mb-2 text-sm font-semibold">{t("instance.history")}</h2>
        <TableContainer>
          <Table data-testid="instance-history">
            <thead>
              <tr><Th>{t("instance.at")}</Th><Th>{t("instance.event")}</Th><Th>{t("instance.element")}</Th><Th>{t("instance.by")}</Th></tr>
            </thead>
            <tbody>
              {inst.history.map((h) => (
                <tr key={h.id} data-type={h.type}>
                  <Td className="whitespace-nowrap text-xs tabular-nums">{when(h.at)}</Td>
                  <Td>
                    {t.has(`instance.events.${h.type.replace(".", "_")}`) ? t(`instance.events.${h.type.replace(".", "_")}`) : h.type}
                    {eventDetail(h.type, h.data, elementName)}
                    {h.type === "variables.changed" ? <VariableChanges data={h.data} unset={t("instance.unset")} /> : null}
                  </Td>
                  <Td className="text-xs" title={h.elementId ?? undefined}>{h.elementName ?? ""}</Td>
                  <Td>{h.actorName ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </TableContainer>
      </section>
    </div>
  );
}
