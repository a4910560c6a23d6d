import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { EmployeeActor, SupplierActor } from "@/lib/auth/actor";
import { loadEmployeeActor, loadSupplierActor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { createLocalFileStorage } from "./local-file-storage";
import { openFileDownload } from "./open-file-download";
import { EXE_HEAD, PDF_SMALL, PNG_1X1, generatedStream, minimalDocx, minimalXlsx, storedZip, toBuffer } from "./test-fixtures";
import { uploadFile } from "./upload-file";

const kinds = await dbKinds();
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const body = (b: Buffer) => Readable.from([b]);

async function objectsUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe.each(kinds)("attachments on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let db: Db;
  let dir: string;
  let storage: ReturnType<typeof createLocalFileStorage>;
  let lina: EmployeeActor, sunli: EmployeeActor, supplier1: SupplierActor, supplier2: SupplierActor;
  let s001: string, s002: string;

  beforeAll(async () => {
    opened = await freshDb(kind);
    db = opened.db;
    await seedDemo(db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ff-files-"));
    storage = createLocalFileStorage(dir);
    const employee = async (username: string) => (await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username } })).id, db))!;
    const portalUser = async (username: string) => (await loadSupplierActor((await db.supplierUser.findUniqueOrThrow({ where: { username } })).id, db))!;
    lina = await employee("lina");
    sunli = await employee("sunli");
    supplier1 = await portalUser("supplier1");
    supplier2 = await portalUser("supplier2");
    s001 = (await db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
    s002 = (await db.supplier.findUniqueOrThrow({ where: { code: "S002" } })).id;
  });
  afterAll(async () => {
    await opened?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const upload = (actor: Parameters<typeof uploadFile>[1], ownerId: string, fileName: string, b: Buffer | Readable, maxBytes = 1024 * 1024) =>
    uploadFile(db, actor, { ownerType: "Supplier", ownerId, fileName, body: Buffer.isBuffer(b) ? body(b) : b }, { storage, maxBytes });

  it("uploads through the local backend and reads back the same bytes and sha256", async () => {
    const file = await upload(lina, s001, "营业执照.pdf", PDF_SMALL);
    expect(file).toMatchObject({ name: "营业执照.pdf", contentType: "application/pdf", size: PDF_SMALL.length, sha256: sha256(PDF_SMALL), ownerType: "Supplier", ownerId: s001 });
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row).toMatchObject({ supplierId: s001, uploadedBy: lina.id, uploadRealm: "employee" });
    expect(row.storageKey).not.toContain("营业执照");
    const { file: meta, stream } = await openFileDownload(db, lina, file.id, { storage });
    const back = await toBuffer(stream);
    expect(back.equals(PDF_SMALL)).toBe(true);
    expect(sha256(back)).toBe(meta.sha256);
  });

  it("writes the audit row with the file row", async () => {
    const file = await upload(lina, s001, "合同.pdf", PDF_SMALL);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "StoredFile", entityId: file.id } });
    expect(audit).toMatchObject({ action: "file.upload", actorRealm: "employee", actorId: lina.id });
    expect(audit.after).toMatchObject({ name: "合同.pdf", sha256: file.sha256, ownerId: s001 });
  });

  it("aborts an oversized upload mid-stream: no object, no row, the source not read to the end", async () => {
    const before = await db.storedFile.count();
    const auditsBefore = await db.auditLog.count();
    const limit = 1024 * 1024;
    const big = generatedStream(50 * limit, { head: PDF_SMALL.subarray(0, 9) });
    await expect(upload(lina, s001, "huge.pdf", big.stream, limit)).rejects.toMatchObject({ code: "file_too_large", params: { maxMb: 1 } });
    expect(big.produced()).toBeLessThan(limit + 512 * 1024);
    expect(big.stream.destroyed).toBe(true);
    expect(await objectsUnder(dir)).toHaveLength(before);
    expect(await db.storedFile.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(auditsBefore);
  });

  it("accepts exactly the limit", async () => {
    const limit = 100 * 1024;
    const exact = generatedStream(limit, { head: PDF_SMALL.subarray(0, 9) });
    await expect(upload(lina, s001, "exact.pdf", exact.stream, limit)).resolves.toMatchObject({ size: limit });
  });

  it("refuses a renamed .exe called 证书.pdf and stores nothing", async () => {
    const before = await objectsUnder(dir);
    await expect(upload(lina, s001, "证书.pdf", EXE_HEAD)).rejects.toMatchObject({ code: "file_type_not_allowed" });
    expect(await objectsUnder(dir)).toEqual(before);
  });

  it("records the type found in the content, not the name", async () => {
    const file = await upload(supplier1, s001, "现场照片.pdf", PNG_1X1);
    expect(file.contentType).toBe("image/png");
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row).toMatchObject({ contentType: "image/png", uploadRealm: "supplier", uploadedBy: supplier1.id, supplierId: s001 });
  });

  it("accepts docx and xlsx, also when [Content_Types].xml comes after the sniffed head; refuses a plain zip", async () => {
    await expect(upload(lina, s001, "合同.docx", minimalDocx())).resolves.toMatchObject({ contentType: expect.stringContaining("wordprocessingml") });
    await expect(upload(lina, s001, "报价.xlsx", minimalXlsx())).resolves.toMatchObject({ contentType: expect.stringContaining("spreadsheetml") });
    const late = minimalDocx({ contentTypesLast: true, padding: 200_000 });
    await expect(upload(lina, s001, "late.docx", late)).resolves.toMatchObject({ contentType: expect.stringContaining("wordprocessingml"), size: late.length });
    const before = await objectsUnder(dir);
    await expect(upload(lina, s001, "plain.docx", storedZip([["a.txt", "x".repeat(100_000)], ["b.txt", "y"]]))).rejects.toMatchObject({ code: "file_type_not_allowed" });
    await expect(upload(lina, s001, "tiny.zip", storedZip([["a.txt", "x"]]))).rejects.toMatchObject({ code: "file_type_not_allowed" });
    expect(await objectsUnder(dir)).toEqual(before);
  });

  it("accepts an xlsx from a streaming writer whose [Content_Types].xml follows a sheet of over 1 MiB", async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (chunks.push(chunk as Buffer), done()) });
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
    const sheet = book.addWorksheet("客户");
    for (let i = 0; i < 30_000; i++) sheet.addRow([`客户${i}`, randomBytes(24).toString("hex")]).commit();
    sheet.commit();
    await book.commit();
    const file = Buffer.concat(chunks);
    expect(file.length).toBeGreaterThan(1024 * 1024);
    await expect(upload(lina, s001, "客户导出.xlsx", file, 8 * 1024 * 1024)).resolves.toMatchObject({ contentType: expect.stringContaining("spreadsheetml"), size: file.length });
  });

  it("accepts UTF-8 text as CSV or TXT; refuses NULs, bad UTF-8 and binary behind a text head", async () => {
    const csv = Buffer.from("物料编码,名称,数量\nM-001,六角螺栓 M8,1200\n");
    await expect(upload(lina, s001, "来料清单.csv", csv)).resolves.toMatchObject({ contentType: "text/csv", name: "来料清单.csv" });
    await expect(upload(lina, s001, "说明", Buffer.from("纯文本说明"))).resolves.toMatchObject({ contentType: "text/plain", name: "说明.txt" });
    const before = await objectsUnder(dir);
    await expect(upload(lina, s001, "a.txt", Buffer.from("abc\u0000def"))).rejects.toMatchObject({ code: "file_type_not_allowed" });
    await expect(upload(lina, s001, "gbk.csv", Buffer.from([0xce, 0xef, 0xc1, 0xcf, 0x2c, 0xff]))).rejects.toMatchObject({ code: "file_type_not_allowed" });
    // Truncated multi-byte character at the very end of a short file.
    await expect(upload(lina, s001, "cut.txt", Buffer.from("证书").subarray(0, 5))).rejects.toMatchObject({ code: "file_type_not_allowed" });
    const tail = Buffer.concat([Buffer.alloc(200_000, 0x61), EXE_HEAD]);
    await expect(upload(lina, s001, "notes.txt", tail)).rejects.toMatchObject({ code: "file_type_not_allowed" });
    expect(await objectsUnder(dir)).toEqual(before);
  });

  it("refuses an empty file", async () => {
    await expect(upload(lina, s001, "empty.pdf", Buffer.alloc(0))).rejects.toMatchObject({ code: "file_empty" });
  });

  it("sanitises the display name", async () => {
    await expect(upload(lina, s001, "../../etc/passwd", Buffer.from("root:x:0:0"))).resolves.toMatchObject({ name: "passwd.txt" });
    await expect(upload(lina, s001, "C:\\Users\\钱峰\\质检\u0000报告\u202E.pdf", PDF_SMALL)).resolves.toMatchObject({ name: "质检报告.pdf" });
    await expect(upload(lina, s001, "", PNG_1X1)).resolves.toMatchObject({ name: "file.png" });
  });

  it("a supplier user reads its own supplier's files and gets not_found for another supplier's", async () => {
    const own = await upload(lina, s001, "S001 证书.pdf", PDF_SMALL);
    const other = await upload(lina, s002, "S002 证书.pdf", PDF_SMALL);
    const { stream } = await openFileDownload(db, supplier1, own.id, { storage });
    expect((await toBuffer(stream)).equals(PDF_SMALL)).toBe(true);
    await expect(openFileDownload(db, supplier1, other.id, { storage })).rejects.toMatchObject({ code: "not_found" });
    await expect(openFileDownload(db, supplier2, own.id, { storage })).rejects.toMatchObject({ code: "not_found" });
    // The tenant is the session's: naming another supplier as owner does not help.
    await expect(upload(supplier1, s002, "x.pdf", PDF_SMALL)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an employee without srm.view can neither upload nor download", async () => {
    const file = await upload(lina, s001, "证书.pdf", PDF_SMALL);
    await expect(openFileDownload(db, sunli, file.id, { storage })).rejects.toMatchObject({ code: "not_found" });
    await expect(upload(sunli, s001, "x.pdf", PDF_SMALL)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses anonymous callers, unknown owner types, unknown owners and unknown files", async () => {
    const file = await upload(lina, s001, "证书.pdf", PDF_SMALL);
    await expect(openFileDownload(db, null, file.id, { storage })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(upload(null, s001, "x.pdf", PDF_SMALL)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(uploadFile(db, lina, { ownerType: "Employee", ownerId: lina.id, fileName: "x.pdf", body: body(PDF_SMALL) }, { storage })).rejects.toMatchObject({ code: "forbidden" });
    await expect(uploadFile(db, lina, { ownerType: "constructor", ownerId: s001, fileName: "x.pdf", body: body(PDF_SMALL) }, { storage })).rejects.toMatchObject({ code: "forbidden" });
    await expect(upload(lina, "00000000-0000-4000-8000-000000000000", "x.pdf", PDF_SMALL)).rejects.toMatchObject({ code: "forbidden" });
    // A row whose owner type is not (or no longer) registered is nobody's to read.
    const orphan = await db.storedFile.create({
      data: { storageKey: "zz/orphan", name: "x.pdf", contentType: "application/pdf", size: 1, sha256: "0", ownerType: "Retired", ownerId: s001, uploadedBy: lina.id, uploadRealm: "employee" },
    });
    await expect(openFileDownload(db, lina, orphan.id, { storage })).rejects.toMatchObject({ code: "not_found" });
    await expect(openFileDownload(db, lina, "00000000-0000-4000-8000-000000000000", { storage })).rejects.toMatchObject({ code: "not_found" });
    await expect(openFileDownload(db, lina, "../../etc/passwd", { storage })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps the file row and its audit row in one transaction: if the audit fails, neither stays and the object is deleted", async () => {
    const failingAudit = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return (fn: (tx: unknown) => Promise<unknown>) =>
          target.$transaction((tx) =>
            fn(new Proxy(tx, { get: (t, p, r) => (p === "auditLog" ? { create: () => Promise.reject(new Error("audit store down")) } : Reflect.get(t, p, r)) })),
          );
      },
    }) as Db;
    const files = await db.storedFile.count();
    const objects = await objectsUnder(dir);
    await expect(uploadFile(failingAudit, lina, { ownerType: "Supplier", ownerId: s001, fileName: "x.pdf", body: body(PDF_SMALL) }, { storage })).rejects.toThrow("audit store down");
    expect(await db.storedFile.count()).toBe(files);
    expect(await objectsUnder(dir)).toEqual(objects);
  });
});
