import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { employee } from "@/test/workflow-fixtures";
import type { Translate } from "../errors/translate-error";
import { loadMessages } from "../i18n/messages";
import { startByHand } from "../workflow/start-by-hand";
import { syncShippedProcesses } from "../workflow/sync-shipped-processes";
import { exportInstances } from "./export-instances";

const kinds = await dbKinds();

async function read(stream: ReadableStream<Uint8Array>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.fromWeb(stream as never));
  const sheet = book.worksheets[0];
  return { header: (sheet.getRow(1).values as unknown[]).slice(1), rows: sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1)) };
}

describe.each(kinds)("the process instance export on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let businessKey: string;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await syncShippedProcesses(opened.db);
    const started = await startByHand(opened.db, await employee(opened.db, "lina"), { key: "purchase_requisition", data: { title: "导出测试 轴承", amount: "12345" } });
    businessKey = (await opened.db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).businessKey ?? "";
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
  });

  it("writes the filtered instances with their business data, headers in the reader's language", async () => {
    const t = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
    const admin = await employee(opened.db, "admin");
    const { header, rows } = await read(await exportInstances(opened.db, admin, { key: "purchase_requisition", bk: businessKey }, { locale: "zh-CN", t }));
    expect(header.slice(0, 8)).toEqual(["业务编号", "流程", "版本", "状态", "发起人", "发起时间", "结束时间", "当前步骤"]);
    expect(header).toContain("采购事项");
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row[header.indexOf("业务编号")]).toBe(businessKey);
    expect(row[header.indexOf("状态")]).toBe("运行中");
    expect(row[header.indexOf("发起人")]).toBe("李娜");
    expect(row[header.indexOf("采购事项")]).toBe("导出测试 轴承");
    expect(row[header.indexOf("预计金额（元）")]).toMatch(/12,345/);

    const en = createTranslator({ locale: "en", messages: await loadMessages("en") }) as unknown as Translate;
    const english = await read(await exportInstances(opened.db, admin, { key: "purchase_requisition", bk: businessKey }, { locale: "en", t: en }));
    expect(english.header.slice(0, 2)).toEqual([en("processes.instances.businessKey"), en("processes.instances.process")]);
    expect(english.header).toContain("Subject");
  });

  it("refuses a buyer without process.operate, and bad filters with the field named", async () => {
    const t = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
    await expect(exportInstances(opened.db, await employee(opened.db, "lina"), {}, { locale: "zh-CN", t })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportInstances(opened.db, null, {}, { locale: "zh-CN", t })).rejects.toMatchObject({ code: "unauthenticated" });
    const admin = await employee(opened.db, "admin");
    await expect(exportInstances(opened.db, admin, { status: "sleeping" }, { locale: "zh-CN", t })).rejects.toMatchObject({ code: "validation", fieldErrors: { status: expect.any(String) } });
    await expect(exportInstances(opened.db, admin, { from: "2030-02-30" }, { locale: "zh-CN", t })).rejects.toMatchObject({ code: "validation", fieldErrors: { from: "validation.invalid_date" } });
    await expect(exportInstances(opened.db, admin, { from: "2030-02-02", to: "2030-02-01" }, { locale: "zh-CN", t })).rejects.toMatchObject({ code: "validation", fieldErrors: { to: "processes.export.dateOrder" } });
  });
});
