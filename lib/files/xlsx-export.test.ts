import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { inBatches, streamWorkbook, wallClockDay } from "./xlsx-export";

async function rowsOf(stream: ReadableStream<Uint8Array>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.fromWeb(stream as never));
  return book.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
}

describe("streamWorkbook", () => {
  it("writes the header, then rows until the limit, then one row saying the list was cut", async () => {
    const added: boolean[] = [];
    const spec = { sheet: "表", columns: [{ header: "号", key: "n" }], failure: "test", limit: { rows: 2, note: "仅导出了前 2 行" } };
    const rows = await rowsOf(
      streamWorkbook(spec, async (addRow) => {
        for (const n of [1, 2, 3, 4]) added.push(addRow({ n }));
      }),
    );
    expect(rows).toEqual([["号"], [1], [2], ["仅导出了前 2 行"]]);
    expect(added).toEqual([true, true, false, false]);
  });

  it("writes no note when the list fits", async () => {
    const spec = { sheet: "表", columns: [{ header: "号" }], failure: "test", limit: { rows: 2, note: "cut" } };
    expect(await rowsOf(streamWorkbook(spec, async (addRow) => void [1, 2].forEach((n) => addRow([n]))))).toEqual([["号"], [1], [2]]);
  });
});

describe("inBatches", () => {
  it("reads by an id cursor until a batch comes back short", async () => {
    const ids = ["a", "b", "c", "d", "e"].map((id) => ({ id }));
    const pages: unknown[] = [];
    const batches: string[][] = [];
    for await (const b of inBatches(async (page) => {
      pages.push(page);
      const from = page.cursor ? ids.findIndex((r) => r.id === page.cursor!.id) + (page.skip ?? 0) : 0;
      return ids.slice(from, from + page.take);
    }, 2))
      batches.push(b.map((r) => r.id));
    expect(batches).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(pages[1]).toEqual({ take: 2, cursor: { id: "b" }, skip: 1 });
  });
});

describe("wallClockDay", () => {
  it("is the Shanghai calendar day of a moment", () => {
    expect(wallClockDay(new Date("2026-12-23T17:00:00Z"))).toEqual(new Date(Date.UTC(2026, 11, 24)));
    expect(wallClockDay(null)).toBeNull();
  });
});
