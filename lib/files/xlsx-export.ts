import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { logger } from "../log/logger";
import { contentDisposition } from "./content-disposition";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Excel has no time zones: a moment is written as the factory's wall-clock time. */
export const wallClock = (d: Date | null) => (d ? new Date(d.getTime() + SHANGHAI_OFFSET_MS) : null);

/** A moment as the factory's calendar day (Shanghai), for a "yyyy-mm-dd" column. */
export const wallClockDay = (d: Date | null) => {
  const w = wallClock(d);
  return w ? new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate())) : null;
};

type SheetColumn = Partial<ExcelJS.Column>;
/**
 * Adds one row (an array by column, or an object by column key) and commits it at once.
 * False once the export's row limit is reached: that row was not written, the limit's
 * note was, and the reader should stop.
 */
export type AddRow = (row: unknown[] | Record<string, unknown>) => boolean;

type WorkbookSpec = {
  sheet: string;
  columns: SheetColumn[];
  /** What the log says when filling fails. */
  failure: string;
  /** At most `rows` rows; a row past them is replaced by `note` (the last row says the list was cut). */
  limit?: { rows: number; note: string };
};

/**
 * One worksheet streamed by exceljs: the bold, frozen header row is written at once,
 * then `fill` adds rows as it reads them (each committed, so nothing accumulates).
 * A failure while filling is logged and breaks the stream.
 */
export function streamWorkbook({ sheet: name, columns, failure, limit }: WorkbookSpec, fill: (addRow: AddRow) => Promise<void>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  let full = false;
  const addRow: AddRow = (row) => {
    if (full) return false;
    if (limit && written >= limit.rows) {
      full = true;
      sheet.addRow([limit.note]).commit();
      return false;
    }
    sheet.addRow(row).commit();
    written++;
    return true;
  };
  void (async () => {
    try {
      await fill(addRow);
      sheet.commit();
      await book.commit();
    } catch (e) {
      logger.error({ err: e }, failure);
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

type Page = { take: number; cursor?: { id: string }; skip?: number };

/** A query read in batches of `size` rows by an id cursor (the query's order must end in id), batch after batch. */
export async function* inBatches<T extends { id: string }>(read: (page: Page) => Promise<T[]>, size = 500): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await read({ take: size, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    if (rows.length) yield rows;
    if (rows.length < size) return;
    cursor = rows[rows.length - 1].id;
  }
}

/** The download answer for a workbook: `<name>-<Shanghai day>.xlsx`, never cached, never sniffed. */
export function xlsxResponse(stream: ReadableStream<Uint8Array>, name: string): Response {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return new Response(stream, {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": contentDisposition(`${name}-${day}.xlsx`, "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
