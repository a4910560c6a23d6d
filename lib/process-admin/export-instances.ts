import "server-only";
import { instanceWhere } from "./list-instances";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { calendarDay } from "../errors/calendar";
import { parseInput } from "../errors/parse-input";
import type { Translate } from "../errors/translate-error";
import { describeVariables } from "../inbox/describe-variables";
import type { DisplayValue } from "../inbox/format-value";
import { streamWorkbook, wallClock } from "../files/xlsx-export";

const BATCH = 500;
/** Beyond this an export is no longer a list to read: it stops there and its last row says so. */
const EXPORT_LIMIT = 10_000;
/** describeVariables calls at once: enough to keep PostgreSQL busy, few enough for the pool. */
const PARALLEL = 20;

// Unlike the list page (which falls back to defaults), a download of something other
// than what was asked for would mislead: a bad filter is refused with its field named.
const exportQuery = z.object({
  key: z.string().trim().max(100, "validation.too_big").regex(/^([A-Za-z_][\w.-]*)?$/, "validation.invalid_format"),
  businessKey: z.string().trim().max(100, "validation.too_big"),
  status: z.enum(["all", "running", "incident", "completed", "cancelled"]),
  starter: z.string().trim().max(60, "validation.too_big"),
  from: calendarDay().nullable(),
  to: calendarDay().nullable(),
});
type InstanceFilters = z.infer<typeof exportQuery>;

/** The list page's filters from its address (key, bk, status, starter, from, to); AppError("validation") when one is not valid. */
function parseExportQuery(params: Record<string, string>): InstanceFilters {
  const q = parseInput(exportQuery, {
    key: params.key ?? "",
    businessKey: params.bk ?? "",
    status: params.status || "all",
    starter: params.starter ?? "",
    from: params.from || null,
    to: params.to || null,
  });
  if (q.from && q.to && q.from > q.to) throw new AppError("validation", { fieldErrors: { to: "processes.export.dateOrder" } });
  return q;
}

const SELECT = { id: true, definitionId: true, businessKey: true, status: true, startedAt: true, endedAt: true, startedBy: true, variables: true, tasks: { where: { status: "open" }, select: { name: true }, orderBy: { createdAt: "asc" } } } as const;


function cellText(v: DisplayValue, zh: boolean): string {
  if (v.kind === "text") return zh ? v.zh : v.en;
  if (v.kind === "changes") return v.rows.map((r) => `${zh ? r.labelZh : r.labelEn}: ${r.from} → ${r.to}`).join("; ");
  return v.rows.map((r) => `${r.item} ${r.quantity} ${zh ? r.unitZh : r.unitEn}`.trim()).join("; ");
}

/**
 * The process instances the list's filters select (newest first, at most 10,000) as an
 * .xlsx workbook: the list's columns, then each process's business data as its task
 * pages show it, one column per label. `params` are the list's address parameters. For
 * process.operate, checked before the filters are even read; rows are read and described before the first byte is written, so a failure is
 * an error answer, not a broken file.
 */
export async function exportInstances(db: Db, who: Actor | null, params: Record<string, string>, { locale, t }: { locale: string; t: Translate }): Promise<ReadableStream<Uint8Array>> {
  requirePermission(who, "process.operate");
  const q = parseExportQuery(params);
  const zh = locale.startsWith("zh");
  const where = await instanceWhere(db, q);

  type Row = Prisma.ProcessInstanceGetPayload<{ select: typeof SELECT }>;
  const rows: Row[] = [];
  let cursor: string | undefined;
  while (rows.length <= EXPORT_LIMIT) {
    // One row past the limit tells whether there were more.
    const take = Math.min(BATCH, EXPORT_LIMIT + 1 - rows.length);
    const batch = await db.processInstance.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "asc" }], take, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), select: SELECT });
    rows.push(...batch);
    if (batch.length < take) break;
    cursor = batch[batch.length - 1].id;
  }
  const truncated = rows.length > EXPORT_LIMIT;
  rows.length = Math.min(rows.length, EXPORT_LIMIT);

  const [definitions, starters] = await Promise.all([
    db.processDefinition.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.definitionId))] } }, select: { id: true, name: true, version: true, context: true } }),
    db.employee.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => (r.startedBy ? [r.startedBy] : [])))] } }, select: { id: true, name: true } }),
  ]);
  const definitionOf = new Map(definitions.map((d) => [d.id, d]));
  const nameOf = new Map(starters.map((s) => [s.id, s.name]));

  // Columns by label, in the order they first appear: a designed process brings its own.
  const labels: string[] = [];
  const business: Map<string, string>[] = [];
  for (let i = 0; i < rows.length; i += PARALLEL) {
    const described = await Promise.all(
      rows.slice(i, i + PARALLEL).map((r) => describeVariables(db, (r.variables ?? {}) as Record<string, unknown>, { definition: definitionOf.get(r.definitionId)!, realm: "employee" })),
    );
    for (const items of described) {
      const cells = new Map<string, string>();
      for (const item of items) {
        const label = (zh ? item.labelZh : item.labelEn) || item.labelZh || item.labelEn;
        if (!labels.includes(label)) labels.push(label);
        if (!cells.has(label)) cells.set(label, cellText(item.value, zh));
      }
      business.push(cells);
    }
  }

  const time = { numFmt: "yyyy-mm-dd hh:mm" };
  const columns = [
    { header: t("processes.instances.businessKey"), width: 18 },
    { header: t("processes.instances.process"), width: 20 },
    { header: t("processes.export.version"), width: 6 },
    { header: t("processes.instances.status"), width: 10 },
    { header: t("processes.instances.starter"), width: 10 },
    { header: t("processes.instances.startedAt"), width: 17, style: time },
    { header: t("processes.export.endedAt"), width: 17, style: time },
    { header: t("processes.instances.current"), width: 20 },
    ...labels.map((header) => ({ header, width: 18 })),
  ];
  return streamWorkbook({ sheet: t("processes.export.sheet"), columns, failure: "instance export failed" }, async (addRow) => {
    rows.forEach((r, i) => {
      const d = definitionOf.get(r.definitionId);
      addRow([
        r.businessKey ?? "",
        d?.name ?? "",
        d?.version ?? null,
        t(`processes.status.${r.status}`),
        r.startedBy ? (nameOf.get(r.startedBy) ?? "") : t("processes.versions.system"),
        wallClock(r.startedAt),
        wallClock(r.endedAt),
        r.tasks.map((x) => x.name).join(zh ? "、" : ", "),
        ...labels.map((l) => business[i].get(l) ?? null),
      ]);
    });
    if (truncated) addRow([t("processes.export.truncated", { count: EXPORT_LIMIT })]);
  });
}
