import "server-only";
import { pipeline, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { decodeCsv, type TextEncoding } from "./decode-csv";

export type TableFormat = "csv" | "xlsx";
/** A row as the user sees it in the file: its number (the header is row 1) and its cells as text. */
export type TableRow = { number: number; cells: string[] };

const MAX_CELL = 2000;

/** An Excel cell as the text a user typed: rich text joined, formulas by their result, days as yyyy-mm-dd. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ("error" in v) return "";
    return "";
  }
  return String(v);
}

async function* xlsxRows(source: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit", entries: "ignore" });
  for await (const sheet of reader) {
    // The first worksheet only.
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (v) => cellText((v ?? null) as ExcelJS.CellValue).trim().slice(0, MAX_CELL));
      if (cells.some(Boolean)) yield { number: row.number, cells };
    }
    return;
  }
}

async function* csvRows(text: Readable): AsyncGenerator<TableRow> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: "greedy" });
  const rows = pipeline(text, parser, () => {}) as unknown as AsyncIterable<string[]>;
  let number = 0;
  for await (const row of rows) {
    number++;
    yield { number, cells: row.map((c) => String(c ?? "").trim().slice(0, MAX_CELL)) };
  }
}

/**
 * The rows of an uploaded table, streamed (an xlsx by exceljs's WorkbookReader, a CSV by
 * papaparse after its encoding is found); blank rows are left out. `onEncoding` hears a
 * CSV's encoding before the first row.
 */
export async function* readTable(source: Readable, format: TableFormat, onEncoding?: (e: TextEncoding) => void): AsyncGenerator<TableRow> {
  if (format === "xlsx") {
    yield* xlsxRows(source);
    return;
  }
  const { encoding, text } = await decodeCsv(source);
  onEncoding?.(encoding);
  yield* csvRows(text);
}
