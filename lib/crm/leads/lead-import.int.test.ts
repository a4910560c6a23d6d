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
import { loadMessages } from "@/lib/i18n/messages";
import { createImportRun } from "@/lib/imports/import-run";
import { importErrorReport } from "@/lib/imports/import-report";
import { prepareImport } from "@/lib/imports/prepare-import";
import { previewImport } from "@/lib/imports/preview-import";
import { runImportJob } from "@/lib/imports/run-import";
import { importJobKey, startImport } from "@/lib/imports/start-import";
import type { ClaimedJob } from "@/lib/workflow/jobs/claim-jobs";
import { runJob } from "@/lib/workflow/jobs/run-job";
import { runJobNow } from "@/lib/workflow/jobs/run-job-now";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { convertLead } from "./convert-lead";
import { leadImportTarget as target } from "./lead-import-target";
import { updateLead } from "./update-lead";

const kinds = await dbKinds();
const tr = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
process.env.FILE_STORAGE_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "ff-lead-import-"));

const HEADER = "公司名称,联系人,手机,邮箱,地区,行业,来源渠道,活动编码,备注";
const gbkCsv = (lines: string[]) => iconv.encode([HEADER, ...lines].join("\r\n") + "\r\n", "gbk");

describe.each(kinds)("lead import and lead edit (CRM-3) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let gaoyan: EmployeeActor;

  async function upload(actor: EmployeeActor, fileName: string, bytes: Buffer) {
    const run = await createImportRun(t.db, actor, target);
    const file = await uploadFile(t.db, actor, { ownerType: "ImportRun", ownerId: run.id, fileName, body: Readable.from([bytes]) });
    return { runId: run.id, prepared: await prepareImport(t.db, actor, target, run.id, file.id) };
  }

  beforeAll(async () => {
    t = await erpTestDb(kind);
    gaoyan = await t.actor("gaoyan");
  });
  afterAll(async () => t?.close());

  it("imports a GBK CSV: headers mapped, duplicates of leads, customers and rows found, the source classified and the owner assigned by the rules per row; an error report of the bad rows", async () => {
    const bytes = gbkCsv([
      "广州明珠电器有限公司,黄明,13800138000,hm@example.com,广东广州,家电,官网,,官网留言询价",
      "南京新港机电有限公司,李强,025-8888 1234,,江苏南京,机电,,,工博会展位来访",
      "成都天齐精工机械有限公司,杨帆,028-8765 4321,,四川成都,机械加工,电话,,",
      "江苏恒立液压股份有限公司,汪涛,,,江苏常州,液压,,,",
      "南京新港机电有限公司,王五,,,江苏南京,,,,第二个联系人",
      "x,,,,,,,,",
      "重庆长江轴承股份有限公司,刘洋,12ab,,重庆,轴承,,AD2026Q4,",
    ]);
    const { runId, prepared } = await upload(gaoyan, "展会名单.csv", bytes);
    expect(prepared).toMatchObject({ encoding: "gb18030" });
    expect(prepared.mapping).toMatchObject({ companyName: 0, contactName: 1, phone: 2, email: 3, region: 4, industry: 5, channel: 6, campaignCode: 7, remark: 8 });
    const preview = await previewImport(t.db, gaoyan, target, runId, prepared.mapping);
    expect(preview).toMatchObject({ total: 7, invalid: 2 });
    const groups = preview.groups.map((g) => ({ rows: g.rows, existing: g.existing?.code.slice(0, 2) ?? null }));
    // An existing lead (by name), an existing customer (by its varied name), two rows of one company.
    expect(groups).toEqual(expect.arrayContaining([{ rows: [4], existing: "LD" }, { rows: [5], existing: "CU" }, { rows: [3, 6], existing: null }]));
    const inFile = preview.groups.find((g) => g.rows.includes(6))!;
    const customer = preview.groups.find((g) => g.rows.includes(5))!;
    await startImport(t.db, gaoyan, target, runId, { [inFile.id]: "update", [customer.id]: "update" });
    expect(await runJobNow(t.db, importJobKey(target, runId))).toBe(true);
    expect(await t.db.importRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "done", created: 2, updated: 1, skipped: 1, failed: 3 });

    const lead = (name: string) => t.db.lead.findFirstOrThrow({ where: { companyName: name }, orderBy: { createdAt: "desc" } });
    const guangzhou = await lead("广州明珠电器有限公司");
    const nanjing = await lead("南京新港机电有限公司");
    // Website by channel, to the south team's round robin by region; the exhibition keyword in the remark, to the east team by region.
    expect(guangzhou).toMatchObject({ source: "website", createdById: gaoyan.id });
    expect(nanjing).toMatchObject({ source: "exhibition", remark: "第二个联系人" });
    const team = async (code: string) => (await t.db.department.findUniqueOrThrow({ where: { code } })).id;
    expect(guangzhou.teamId).toBe(await team("sales-south"));
    expect(nanjing.teamId).toBe(await team("sales"));
    expect(await t.db.lead.count({ where: { companyName: "南京新港机电有限公司" } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "lead.import", entityId: runId } })).toBe(1);

    const stream = await importErrorReport(t.db, gaoyan, target, runId, tr);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await new Response(stream).arrayBuffer()) as never);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows.map((r) => [r[0], r.at(-2), r.at(-1)])).toEqual([
      ["行号", "结果", "原因"],
      ["4", "已跳过", expect.stringMatching(/^与已有 LD\d{6}（成都天齐精工机械有限公司）重复$/)],
      ["5", "失败", "已是客户，不能作为线索更新（可选择“仍然新建”）"],
      ["7", "失败", expect.stringContaining("公司名称")],
      ["8", "失败", expect.stringContaining("手机")],
    ]);
  });

  it("remembers the mapping per user and resumes after a crash from the last committed batch: no lead twice", async () => {
    const lines = Array.from({ length: 23 }, (_, i) => `西安秦${String(i).padStart(3, "0")}号科技有限公司,,,,陕西西安,,,,`);
    const { runId, prepared } = await upload(gaoyan, "big.csv", gbkCsv(lines));
    expect(prepared.remembered).toBe(true);
    await previewImport(t.db, gaoyan, target, runId, prepared.mapping);
    await startImport(t.db, gaoyan, target, runId, {}, { batchSize: 10 });
    const key = importJobKey(target, runId);
    const claim = async (worker: string, at: Date) =>
      (await t.db.$queryRaw<ClaimedJob[]>`
        UPDATE "Job" SET status = 'running', "lockedBy" = ${worker}, "lockedUntil" = ${new Date(at.getTime() + 30_000)}, attempts = attempts + 1
        WHERE "idempotencyKey" = ${key} AND (status = 'pending' OR (status = 'running' AND "lockedUntil" < ${at}))
        RETURNING id, kind, payload, "instanceId", attempts, "maxAttempts", "idempotencyKey", "lockedBy"`)[0];
    const first = await claim("w1", new Date());
    await runImportJob(t.db, first, target, { maxBatches: 1 });
    expect(await t.db.importRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "running", done: 10, created: 10 });
    // The worker is killed; once its lease has run out another takes the job over and finishes it.
    const second = await claim("w2", new Date(Date.now() + 31_000));
    await runJob(t.db, second);
    await runImportJob(t.db, first, target);
    expect(await t.db.importRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "done", total: 23, done: 23, created: 23, failed: 0 });
    expect(await t.db.lead.count({ where: { companyName: { startsWith: "西安秦" } } })).toBe(23);
    // No rule matches 陕西: the leads wait in the pool.
    expect(await t.db.lead.count({ where: { companyName: { startsWith: "西安秦" }, ownerId: null, teamId: null } })).toBe(23);
  });

  it("edits an open lead (audited, the source classified again), not after conversion nor by someone who may not work it", async () => {
    const zhoujie = await t.actor("zhoujie");
    const lead = await t.db.lead.findFirstOrThrow({ where: { companyName: "广州明珠电器有限公司" } });
    const values = { companyName: lead.companyName, contactName: lead.contactName, phone: lead.phone, email: lead.email, region: lead.region, industry: lead.industry, channel: lead.channel, campaignCode: lead.campaignCode, remark: lead.remark };
    await expect(updateLead(t.db, await t.actor("sunli"), lead.id, { ...values, contactName: "别人" })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateLead(t.db, zhoujie, lead.id, { ...values, email: "not-a-mail" })).rejects.toMatchObject({ code: "validation", fieldErrors: { email: "validation.invalid_email" } });
    expect(await updateLead(t.db, zhoujie, lead.id, values)).toEqual({ id: lead.id, changed: false });

    await updateLead(t.db, zhoujie, lead.id, { ...values, contactName: "黄明（采购经理）", channel: "转介绍" });
    expect(await t.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ contactName: "黄明（采购经理）", source: "referral", ownerId: lead.ownerId });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "lead.update", entityId: lead.id } });
    expect(audit).toMatchObject({ before: { contactName: "黄明", channel: "官网", source: "website" }, after: { contactName: "黄明（采购经理）", channel: "转介绍", source: "referral" } });

    await convertLead(t.db, zhoujie, lead.id, { duplicateReason: "新客户" });
    await expect(updateLead(t.db, zhoujie, lead.id, { ...values, remark: "转化后" })).rejects.toMatchObject({ code: "lead_closed" });
  });
});
