import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmployeeActor } from "@/lib/auth/actor";
import type { Translate } from "@/lib/errors/translate-error";
import { uploadFile } from "@/lib/files/upload-file";
import { createImportRun, getImportRun } from "@/lib/imports/import-run";
import { importErrorReport } from "@/lib/imports/import-report";
import { prepareImport } from "@/lib/imports/prepare-import";
import { previewImport } from "@/lib/imports/preview-import";
import { runImportJob } from "@/lib/imports/run-import";
import { importJobKey, startImport } from "@/lib/imports/start-import";
import { loadMessages } from "@/lib/i18n/messages";
import { creditCodeCheck } from "@/lib/names/credit-code";
import type { ClaimedJob } from "@/lib/workflow/jobs/claim-jobs";
import { runJob } from "@/lib/workflow/jobs/run-job";
import { runJobNow } from "@/lib/workflow/jobs/run-job-now";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { customerImportTarget as target } from "./customer-import-target";

const kinds = await dbKinds();
const tr = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ff-import-"));
process.env.FILE_STORAGE_DIR = dir;

/** A valid credit code numbered n (17 characters, then the check character). */
const code = (n: number) => {
  const first = `9132050000${String(n).padStart(7, "0")}`;
  return first + creditCodeCheck(first);
};
const HEADER = "客户名称,统一社会信用代码,联系人,联系电话,电子邮箱,地区,客户级别,标签,负责人";
const csv = (lines: string[]) => [HEADER, ...lines].join("\r\n") + "\r\n";

describe.each(kinds)("customer import (issue 16) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let sunli: EmployeeActor;
  let zhoujie: EmployeeActor;

  async function upload(actor: EmployeeActor, fileName: string, bytes: Buffer) {
    const run = await createImportRun(t.db, actor, target);
    const file = await uploadFile(t.db, actor, { ownerType: "ImportRun", ownerId: run.id, fileName, body: Readable.from([bytes]) });
    const prepared = await prepareImport(t.db, actor, target, run.id, file.id);
    return { runId: run.id, prepared };
  }

  async function importAll(actor: EmployeeActor, fileName: string, bytes: Buffer, decide: (groups: Awaited<ReturnType<typeof previewImport>>["groups"]) => Record<string, string> = () => ({})) {
    const { runId, prepared } = await upload(actor, fileName, bytes);
    const preview = await previewImport(t.db, actor, target, runId, prepared.mapping);
    await startImport(t.db, actor, target, runId, decide(preview.groups));
    expect(await runJobNow(t.db, importJobKey(target, runId))).toBe(true);
    return { runId, prepared, preview, run: await t.db.importRun.findUniqueOrThrow({ where: { id: runId } }) };
  }

  async function reportRows(actor: EmployeeActor, runId: string) {
    const stream = await importErrorReport(t.db, actor, target, runId, tr);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await new Response(stream).arrayBuffer()) as never);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    return rows;
  }

  beforeAll(async () => {
    t = await erpTestDb(kind);
    sunli = await t.actor("sunli");
    zhoujie = await t.actor("zhoujie");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("imports a UTF-8 CSV with a BOM: headers mapped from their Chinese names, bad rows refused with their reasons, the rest owned by the importer", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([
      `苏州甲一精密机械有限公司,${code(1)},张三,0512-6666 1234,zs@example.com,江苏苏州,a,"重点客户,新客户",gaoyan`,
      `苏州甲二模具有限公司,91320594MA1MXY8J2T,李四,13812345678,,江苏苏州,B,,`,
      `,${code(2)},王五,13812345678,,,,,`,
      `苏州甲三电子有限公司,,赵六,12ab,not-an-email,,D,,nobody`,
    ]))]);
    const { runId, prepared, preview, run } = await importAll(sunli, "客户.csv", bytes);
    expect(prepared).toMatchObject({ encoding: "utf-8", format: "csv", remembered: false });
    expect(prepared.headers[0]).toBe("客户名称");
    expect(prepared.mapping).toEqual({ name: 0, creditCode: 1, contactName: 2, contactPhone: 3, email: 4, region: 5, level: 6, tags: 7, owner: 8 });
    expect(preview).toMatchObject({ total: 4, invalid: 3 });
    expect(preview.preview.map((p) => p.problems.map((x) => `${x.field}:${x.key}`))).toEqual([
      [],
      ["creditCode:validation.credit_code_checksum"],
      ["name:validation.required"],
      ["level:crmImport.reasons.badLevel", "contactPhone:validation.invalid_phone", "email:validation.invalid_email", "owner:crmImport.reasons.unknownOwner"],
    ]);
    expect(run).toMatchObject({ status: "done", total: 4, done: 4, created: 1, updated: 0, skipped: 0, failed: 3, cursor: 5 });
    const made = await t.db.customer.findFirstOrThrow({ where: { name: "苏州甲一精密机械有限公司" }, include: { contacts: true } });
    // sunli is no sales lead: the owner column does not give the customer away.
    expect(made).toMatchObject({ ownerId: sunli.id, teamId: sunli.departmentId, level: "A", tags: ["重点客户", "新客户"], creditCode: code(1), contactPhone: "0512-6666 1234" });
    expect(made.contacts).toMatchObject([{ name: "张三", email: "zs@example.com", primary: true }]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "customer.import", entityId: runId } });
    expect(audit.after).toEqual({ created: [made.code], updated: [] });
    // The mapping is offered again for the same headers.
    const again = await upload(sunli, "客户2.csv", bytes);
    expect(again.prepared.remembered).toBe(true);

    const report = await reportRows(sunli, runId);
    expect(report[0]).toEqual(["行号", "客户名称", "统一社会信用代码", "联系人", "联系电话", "电子邮箱", "地区", "客户级别", "标签", "负责人", "结果", "原因"]);
    expect(report.slice(1).map((r) => [r[0], r[10]])).toEqual([["3", "失败"], ["4", "失败"], ["5", "失败"]]);
    expect(report[1][11]).toBe("统一社会信用代码校验位不正确，请核对。");
    expect(report[2][11]).toBe("客户名称：请填写此项。");
    expect(report[3][11]).toContain("负责人：找不到用户名为“nobody”的在职员工");
    expect(report[3][3]).toBe("赵六");
  });

  it("reads a GBK CSV (as Chinese Excel saves it) and a lead gives the customers to the reps of the department", async () => {
    const text = csv([`无锡乙一自动化有限公司,${code(11)},钱七,0510-1234 5678,,江苏无锡,C,,gaoyan`, `无锡乙二传动有限公司,,孙八,0510-1234 5679,,江苏无锡,,,liuyang`]);
    const { prepared, run } = await importAll(zhoujie, "gbk.csv", iconv.encode(text, "gbk"));
    expect(prepared.encoding).toBe("gb18030");
    expect(prepared.headers).toEqual(HEADER.split(","));
    expect(run).toMatchObject({ created: 1, failed: 1 });
    const gaoyan = await t.actor("gaoyan");
    expect(await t.db.customer.findFirstOrThrow({ where: { name: "无锡乙一自动化有限公司" } })).toMatchObject({ ownerId: gaoyan.id, teamId: gaoyan.departmentId, creditCode: code(11) });
    expect(await t.db.importRow.findFirstOrThrow({ where: { runId: run.id, outcome: "failed" } })).toMatchObject({ rowNumber: 3, reason: "validation.owner_not_sales" });
  });

  it("reads an xlsx with its English headers", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Customers");
    sheet.addRow(["Customer name", "Credit code", "Contact", "Phone", "Level"]);
    sheet.addRow(["常州丙一液压有限公司", code(21), "吴九", 13912345678, "B"]);
    sheet.addRow([{ richText: [{ text: "常州丙二" }, { text: "轴承有限公司" }] }, null, null, null, null]);
    const { prepared, run } = await importAll(sunli, "customers.xlsx", Buffer.from(await book.xlsx.writeBuffer()));
    expect(prepared).toMatchObject({ format: "xlsx", encoding: null, mapping: { name: 0, creditCode: 1, contactName: 2, contactPhone: 3, level: 4 } });
    expect(run).toMatchObject({ total: 2, created: 2, failed: 0 });
    expect(await t.db.customer.findFirstOrThrow({ where: { name: "常州丙一液压有限公司" } })).toMatchObject({ contactPhone: "13912345678", level: "B" });
    expect(await t.db.customer.count({ where: { name: "常州丙二轴承有限公司" } })).toBe(1);
  });

  it("groups duplicates within the file and against the database; skip, update and create anyway do what they say", async () => {
    const text = csv([
      `宁波丁一塑料有限公司,,甲,,,,,,`, // 2: first of an in-file group (skip)
      `宁波丁一塑料有限公司,,乙,,,,,,`, // 3: skipped
      `苏州恒力精工机械有限公司,91320594MA1MXY8J2X,陈志明,0512-6252 9999,,,A,,`, // 4: existing, update
      `常州星宇车灯股份有限公司,,周敏,,,,,,`, // 5: existing, skip (default)
      `宁波拓普集团股份有限公司,,王立,,,,,,`, // 6: existing, create anyway
      `宁波丁二橡胶有限公司,,丙,,,,C,,`, // 7: first of an in-file group (update)
      `宁波丁二橡胶有限公司,,,13700000000,,,A,,`, // 8: updates row 7's customer
    ]);
    const existing = await t.db.customer.findFirstOrThrow({ where: { name: "苏州恒力精工机械有限公司" } });
    const before = await t.db.customer.count();
    const { run, preview } = await importAll(sunli, "dups.csv", Buffer.from(text), (groups) => {
      expect(groups.map((g) => [g.id, g.rows, g.existing?.code ?? null])).toEqual([[2, [2, 3], null], [4, [4], existing.code], [5, [5], expect.any(String)], [6, [6], expect.any(String)], [7, [7, 8], null]]);
      return { 4: "update", 6: "create", 7: "update" };
    });
    expect(preview.preview.map((p) => p.group)).toEqual([2, 2, 4, 5, 6, 7, 7]);
    expect(run).toMatchObject({ total: 7, created: 3, updated: 2, skipped: 2, failed: 0 });
    expect(await t.db.customer.count()).toBe(before + 3);
    expect(await t.db.customer.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ contactPhone: "0512-6252 9999", ownerId: existing.ownerId });
    expect(await t.db.customer.count({ where: { name: "宁波拓普集团股份有限公司" } })).toBe(2);
    expect(await t.db.customer.findFirstOrThrow({ where: { name: "宁波丁二橡胶有限公司" } })).toMatchObject({ contactName: "丙", contactPhone: "13700000000", level: "A" });
    const skipped = await t.db.importRow.findMany({ where: { runId: run.id, outcome: "skipped" }, orderBy: { rowNumber: "asc" } });
    expect(skipped.map((r) => [r.rowNumber, r.reason])).toEqual([[3, "crmImport.reasons.duplicateInFile"], [5, "crmImport.reasons.duplicateExisting"]]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "customer.import", entityId: run.id } });
    expect((audit.after as { updated: string[] }).updated).toEqual([existing.code]);
    const report = await reportRows(sunli, run.id);
    expect(report.slice(1).map((r) => [r[0], r[10], r[11]])).toEqual([
      ["3", "已跳过", "与文件第 2 行重复"],
      ["5", "已跳过", expect.stringMatching(/^与已有客户 CU\d{6}（常州星宇车灯股份有限公司）重复$/)],
    ]);
    // Another employee sees neither the import nor its report.
    await expect(getImportRun(t.db, await t.actor("gaoyan"), target, run.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(startImport(t.db, sunli, target, run.id, {})).rejects.toMatchObject({ code: "conflict" });
  });

  it("joins rows that share any key into one group across chunks (name with one, credit code with another), and leaves no keys behind", async () => {
    const filler = Array.from({ length: 600 }, (_, i) => `嘉兴填充${i}号五金有限公司,,,,,,,,`);
    const text = csv([
      `温州链条甲机械有限公司,${code(9101)},,,,,,,`, // 2: heads the group
      `温州链条乙机械有限公司,${code(9101)},,,,,,,`, // 3: row 2's credit code
      `温州链条乙机械有限公司,,,,,,,,`, // 4: row 3's name
      ...filler, // 5 to 604: one chunk boundary at 500
      `温州链条甲机械有限公司,,,,,,,,`, // 605: row 2's name, in the second chunk
    ]);
    const { runId, prepared } = await upload(sunli, "chain.csv", Buffer.from(text));
    const first = await previewImport(t.db, sunli, target, runId, prepared.mapping);
    expect(first.groups.map((g) => [g.id, g.rows, g.label, g.existing])).toEqual([[2, [2, 3, 4, 605], "温州链条甲机械有限公司", null]]);
    expect(first.total).toBe(604);
    expect(await t.db.importKey.count({ where: { runId } })).toBe(0);
    // Previewed again (another mapping: the credit code left out), the groups are the new ones only.
    const { creditCode: _, ...withoutCode } = prepared.mapping;
    const again = await previewImport(t.db, sunli, target, runId, withoutCode);
    expect(again.groups.map((g) => g.rows)).toEqual([[2, 605], [3, 4]]);
    expect((await getImportRun(t.db, sunli, target, runId)).groupCount).toBe(2);
    expect(await t.db.importKey.count({ where: { runId } })).toBe(0);
  });

  it("refuses a file that is no table with a clear message, and another user's import as if it did not exist", async () => {
    const run = await createImportRun(t.db, sunli, target);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    const file = await uploadFile(t.db, sunli, { ownerType: "ImportRun", ownerId: run.id, fileName: "a.pdf", body: Readable.from([pdf]) });
    await expect(prepareImport(t.db, sunli, target, run.id, file.id)).rejects.toMatchObject({ code: "validation", fieldErrors: { file: "crmImport.errors.fileType" } });
    await expect(prepareImport(t.db, zhoujie, target, run.id, file.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(uploadFile(t.db, zhoujie, { ownerType: "ImportRun", ownerId: run.id, fileName: "b.csv", body: Readable.from([Buffer.from("a,b\n")]) })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("resumes after a crash from the last committed batch: no customer twice, the counts right", async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `杭州戊${String(i).padStart(3, "0")}号科技有限公司,${code(100 + i)},,,,,,,`);
    const { runId, prepared } = await upload(sunli, "big.csv", Buffer.from(csv(lines)));
    await previewImport(t.db, sunli, target, runId, prepared.mapping);
    await startImport(t.db, sunli, target, runId, {}, { batchSize: 10 });
    const key = importJobKey(target, runId);
    const claim = async (worker: string, at: Date) =>
      (await t.db.$queryRaw<ClaimedJob[]>`
        UPDATE "Job" SET status = 'running', "lockedBy" = ${worker}, "lockedUntil" = ${new Date(at.getTime() + 30_000)}, attempts = attempts + 1
        WHERE "idempotencyKey" = ${key} AND (status = 'pending' OR (status = 'running' AND "lockedUntil" < ${at}))
        RETURNING id, kind, payload, "instanceId", attempts, "maxAttempts", "idempotencyKey", "lockedBy"`)[0];
    const first = await claim("w1", new Date());
    await runImportJob(t.db, first, target, { maxBatches: 1 });
    expect(await t.db.importRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "running", done: 10, created: 10, cursor: 11 });
    // The worker dies; once its lease has run out another claims the job and finishes it.
    expect(await claim("w2", new Date())).toBeUndefined();
    const second = await claim("w2", new Date(Date.now() + 31_000));
    await runJob(t.db, second);
    // The first worker wakes up: it holds the job no more and changes nothing.
    await runImportJob(t.db, first, target);
    expect(await t.db.importRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "done", total: 25, done: 25, created: 25, failed: 0, cursor: 26 });
    expect(await t.db.customer.count({ where: { name: { startsWith: "杭州戊" } } })).toBe(25);
    expect(await t.db.importRow.count({ where: { runId } })).toBe(25);
    expect(await t.db.job.findUniqueOrThrow({ where: { idempotencyKey: key } })).toMatchObject({ status: "done" });
  });
});
