import { getFormatter, getTranslations } from "next-intl/server";
import { getLocale } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getProcessReport, REPORT_DAYS, type ProcessFigures } from "@/lib/reports/process-report";
import { FigureLink, LeadTime } from "./figures";

/** The managers' process report (report.view); its figures link to the instance list and heat map for those who may open them. */
export default async function ReportsPage() {
  const actor = await employeeWithPermission("report.view");
  const [t, format, locale, report] = await Promise.all([getTranslations("reports"), getFormatter(), getLocale(), getProcessReport(await getDb(), actor)]);
  const zh = locale === "zh-CN";
  const ts = await getTranslations("processes.status");
  // The instance list is for operators, the heat map for designers: others see the same figures without links.
  const operate = hasPermission(actor, "process.operate");
  const design = hasPermission(actor, "process.design");
  const instances = (p: ProcessFigures, status: "running" | "incident" | "completed") =>
    operate ? { href: `/processes/instances?${new URLSearchParams({ key: p.key, status })}`, label: t("showInstances", { process: p.name, status: ts(status) }) } : null;
  const heatmap = (p: ProcessFigures) => (design ? { href: `/processes/${encodeURIComponent(p.key)}/heatmap`, label: t("showHeatmap", { process: p.name }) } : null);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const columns = [
    { key: "running", label: t("running") },
    { key: "incident", label: t("incident") },
    { key: "completed", label: t("completed", { days: REPORT_DAYS }) },
  ] as const;

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">
        {t("intro", { days: REPORT_DAYS, from: day(report.since), to: day(report.at) })}
        {operate || design ? ` ${t("linksHint")}` : null}
      </p>

      <section className="space-y-2" data-testid="report-processes">
        <h2 className="text-base font-semibold text-slate-900">{t("processes")}</h2>
        {report.processes.length === 0 ? <Card><p className="text-sm text-slate-500">{t("noProcesses")}</p></Card> : null}
        {/* Phones get a card per process; from sm up, one table. */}
        <ul className="space-y-2 sm:hidden">
          {report.processes.map((p) => (
            <li key={p.key} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="report-process-card">
              <div className="font-medium text-slate-900">{p.name}</div>
              <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
                {columns.map((c) => (
                  <div key={c.key} className="rounded-md bg-slate-50 p-2">
                    <dt className="text-xs text-slate-500">{c.label}</dt>
                    <dd className="text-lg font-semibold tabular-nums"><FigureLink link={p[c.key] ? instances(p, c.key) : null} tone={c.key === "incident" && p.incident ? "bad" : undefined}>{p[c.key]}</FigureLink></dd>
                  </div>
                ))}
              </dl>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                <div><dt className="text-xs text-slate-500">{t("avgLead")}</dt><dd><FigureLink link={p.completed ? heatmap(p) : null}><LeadTime seconds={p.avgLeadSeconds} /></FigureLink></dd></div>
                <div><dt className="text-xs text-slate-500">{t("p90Short")}</dt><dd><FigureLink link={p.completed ? heatmap(p) : null}><LeadTime seconds={p.p90LeadSeconds} /></FigureLink></dd></div>
              </dl>
            </li>
          ))}
        </ul>
        <TableContainer className="hidden sm:block">
          <Table data-testid="report-process-table">
            <thead>
              <tr>
                <Th>{t("process")}</Th>
                {columns.map((c) => <Th key={c.key} className="text-right">{c.label}</Th>)}
                <Th className="text-right">{t("avgLead")}</Th>
                <Th className="text-right" title={t("p90Lead")}>{t("p90Short")}</Th>
              </tr>
            </thead>
            <tbody>
              {report.processes.map((p) => (
                <tr key={p.key} data-testid="report-process" data-process={p.key}>
                  <Td className="font-medium text-slate-900">{p.name}</Td>
                  {columns.map((c) => (
                    <Td key={c.key} className="text-right tabular-nums" data-figure={c.key}>
                      <FigureLink link={p[c.key] ? instances(p, c.key) : null} tone={c.key === "incident" && p.incident ? "bad" : undefined}>{p[c.key]}</FigureLink>
                    </Td>
                  ))}
                  <Td className="text-right tabular-nums" data-figure="avg"><FigureLink link={p.completed ? heatmap(p) : null}><LeadTime seconds={p.avgLeadSeconds} /></FigureLink></Td>
                  <Td className="text-right tabular-nums" data-figure="p90"><FigureLink link={p.completed ? heatmap(p) : null}><LeadTime seconds={p.p90LeadSeconds} /></FigureLink></Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </TableContainer>
      </section>

      <section className="space-y-2" data-testid="report-overdue">
        <h2 className="text-base font-semibold text-slate-900">{t("overdueTitle")}</h2>
        <p className="text-sm text-slate-600">{t("overdueIntro")}</p>
        {report.overdue.groups.length === 0 && report.overdue.suppliers === 0 ? (
          <Card><p className="text-sm text-slate-500">{t("noOverdue")}</p></Card>
        ) : (
          <TableContainer className="sm:max-w-md">
            <Table>
              <thead>
                <tr>
                  <Th>{t("group")}</Th>
                  <Th className="text-right">{t("overdue")}</Th>
                </tr>
              </thead>
              <tbody>
                {report.overdue.groups.map((g) => (
                  <tr key={g.key} data-testid="report-overdue-group">
                    <Td>{zh ? g.nameZh : g.nameEn}</Td>
                    <Td className="text-right font-semibold tabular-nums text-red-700">{g.overdue}</Td>
                  </tr>
                ))}
                {report.overdue.suppliers ? (
                  <tr data-testid="report-overdue-suppliers">
                    <Td>{t("suppliers")}</Td>
                    <Td className="text-right font-semibold tabular-nums text-red-700">{report.overdue.suppliers}</Td>
                  </tr>
                ) : null}
              </tbody>
            </Table>
          </TableContainer>
        )}
      </section>
    </div>
  );
}
