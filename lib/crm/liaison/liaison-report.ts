import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { loadCalendar } from "../../calendar/load-calendar";
import { type DueStatus, dueSoonCutoff, shanghaiDayOf, workingDaysBetween } from "../../calendar/working-days";
import type { Db } from "../../db/client";
import { now } from "../../workflow/clock";
import { liaisonReportQuery } from "./liaison.schema";
import { dueSql, reportCountSql, reportLoadSql, reportPageSql, reportWhere } from "./liaison-report-sql";

const LIAISON_REPORT_PAGE_SIZE = 50;

type StageRow = {
  id: string; formId: string; seq: number; task: string; status: string; startedAt: Date | null; plannedFinishAt: Date | null; actualFinishAt: Date | null;
  assigneeId: string | null; departmentId: string; formCode: string; formTitle: string; customerName: string; opportunityCode: string;
  departmentZh: string; departmentEn: string; assigneeName: string | null; due: DueStatus | null;
};

/**
 * The liaison-form report (CRM-8): every stage with its planned and actual finish and its
 * standing (overdue / due soon / on time, on the working calendar, in Shanghai days), and
 * the load per department and per person (open stages, how many overdue), filtered by
 * customer, opportunity, department and standing; 50 stages a page. Plain SQL on indexes
 * (bench/liaison-report.ts measures it on 100,000 stages).
 */
export async function liaisonReport(db: Db, who: Actor | null, raw: Record<string, unknown>, locale = "zh-CN") {
  requirePermission(who, "liaison.report");
  const q = liaisonReportQuery.parse(raw);
  const at = now();
  const calendar = await loadCalendar(db);
  const cutoff = dueSoonCutoff(at, calendar);
  const where = reportWhere(q, at, cutoff);
  const [rows, [count], byDept, byPerson] = await Promise.all([
    db.$queryRaw<StageRow[]>(reportPageSql(where, dueSql(at, cutoff), LIAISON_REPORT_PAGE_SIZE, (q.page - 1) * LIAISON_REPORT_PAGE_SIZE)),
    db.$queryRaw<{ n: number }[]>(reportCountSql(where)),
    db.$queryRaw<{ id: string; open: number; overdue: number }[]>(reportLoadSql("department", q, at)),
    db.$queryRaw<{ id: string; open: number; overdue: number }[]>(reportLoadSql("person", q, at)),
  ]);
  const [depts, people, customers, opportunities] = await Promise.all([
    // The departments a stage can belong to (active, with a head), and any others with load.
    db.department.findMany({ where: { OR: [{ id: { in: byDept.map((d) => d.id) } }, { active: true, headId: { not: null }, parentId: { not: null } }] }, select: { id: true, nameZh: true, nameEn: true } }),
    db.employee.findMany({ where: { id: { in: byPerson.map((p) => p.id) } }, select: { id: true, name: true } }),
    // The filters offer the customers and opportunities that have liaison forms (at most 300 each, by code):
    // walked in code order with an index probe each, so the cost is the 300, not the number of forms.
    db.$queryRaw<{ id: string; label: string }[]>`SELECT c.id, c.code || ' ' || c.name AS label FROM "Customer" c WHERE EXISTS (SELECT 1 FROM "LiaisonForm" f WHERE f."customerId" = c.id) ORDER BY c.code LIMIT 300`,
    db.$queryRaw<{ id: string; label: string }[]>`SELECT o.id, o.code || ' ' || o.name AS label FROM "Opportunity" o WHERE EXISTS (SELECT 1 FROM "LiaisonForm" f WHERE f."opportunityId" = o.id) ORDER BY o.code DESC LIMIT 300`,
  ]);
  const deptName = new Map(depts.map((d) => [d.id, locale === "en" ? d.nameEn : d.nameZh]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const today = shanghaiDayOf(at);
  return {
    query: q,
    total: count?.n ?? 0,
    pageSize: LIAISON_REPORT_PAGE_SIZE,
    stages: rows.map((r) => {
      const end = r.actualFinishAt ? shanghaiDayOf(r.actualFinishAt) : today;
      // Working days late (finished or still open past the planned day), for the label.
      const lateDays = r.due === "overdue" && r.plannedFinishAt ? Math.max(workingDaysBetween(shanghaiDayOf(r.plannedFinishAt), end, calendar), 0) : 0;
      return { ...r, department: locale === "en" ? r.departmentEn : r.departmentZh, lateDays };
    }),
    departments: byDept.map((d) => ({ ...d, name: deptName.get(d.id) ?? "—" })),
    people: byPerson.map((p) => ({ ...p, name: personName.get(p.id) ?? "—" })),
    customerOptions: customers,
    opportunityOptions: opportunities,
    departmentOptions: depts.map((d) => ({ id: d.id, name: deptName.get(d.id) ?? "" })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
  };
}
