import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { Translate } from "../errors/translate-error";
import { streamWorkbook } from "../files/xlsx-export";
import type { ColumnMapping } from "./guess-mapping";
import type { RowProblem, TargetInfo } from "./import-target";
import { ownImportRun } from "./import-run";
import { problemText } from "./import-view";

const PAGE = 500;

/**
 * The import's error report: each failed or skipped row with its number, its values
 * under the file's own headers, the outcome and why, in the reader's language; read
 * page by page and streamed. Only for the employee who imports.
 */
export async function importErrorReport(db: Db, who: Actor | null, target: TargetInfo, runId: string, t: Translate): Promise<ReadableStream<Uint8Array>> {
  const { run } = await ownImportRun(db, who, target, runId);
  const mapping = run.mapping as ColumnMapping;
  const fields = target.fields.filter((f) => f.key in mapping);
  const header = (field: string) => (field in mapping ? run.headers[mapping[field]] : t(`crmImport.fields.${field}`));
  const columns = [
    { header: t("crmImport.report.row"), key: "row", width: 8 },
    ...fields.map((f) => ({ header: run.headers[mapping[f.key]], key: `f_${f.key}`, width: 20 })),
    { header: t("crmImport.report.outcome"), key: "outcome", width: 10 },
    { header: t("crmImport.report.reason"), key: "reason", width: 48 },
  ];
  return streamWorkbook({ sheet: t("crmImport.report.sheet"), columns, failure: "import error report failed" }, async (addRow) => {
    let after = 0;
    for (;;) {
      const rows = await db.importRow.findMany({ where: { runId: run.id, outcome: { in: ["failed", "skipped"] }, rowNumber: { gt: after } }, orderBy: { rowNumber: "asc" }, take: PAGE, select: { rowNumber: true, outcome: true, params: true, values: true } });
      for (const r of rows) {
        const values = (r.values ?? {}) as Record<string, string>;
        addRow({
          row: r.rowNumber,
          ...Object.fromEntries(fields.map((f) => [`f_${f.key}`, values[f.key] ?? ""])),
          outcome: t(`crmImport.outcomes.${r.outcome}`),
          reason: problemText((r.params ?? []) as RowProblem[], header, t),
        });
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].rowNumber;
    }
  });
}
