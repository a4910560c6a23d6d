import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadEmployeeActor, loadSupplierActor } from "@/lib/auth/load-actor";
import { seedDemo } from "@/lib/demo/seed";
import { freshDb } from "@/test/db";
import { EXE_HEAD, PDF_SMALL, PNG_1X1 } from "./test-fixtures";

// The route handlers' request context, replaced: the signed-in actor, the database, translations.
const ctx = vi.hoisted(() => ({ actor: null as Actor | null, db: null as unknown, failDb: false }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => ctx.actor }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => {
    if (ctx.failDb) throw new Error("connection refused at 10.0.0.5:5432 (secret detail)");
    return ctx.db;
  },
}));

const { POST } = await import("@/app/api/files/route");
const { GET } = await import("@/app/api/files/[id]/route");

function uploadRequest(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name));
  return new Request("http://localhost/api/files", { method: "POST", body: form });
}
const download = (id: string) => GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });

describe("file route handlers", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let dir: string;
  let lina: Actor, supplier2: Actor, s001: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ff-route-"));
    process.env.FILE_STORAGE_DIR = dir;
    (globalThis as { __fileStorage?: unknown }).__fileStorage = undefined;
    opened = await freshDb("pglite");
    ctx.db = opened.db;
    await seedDemo(opened.db);
    lina = (await loadEmployeeActor((await opened.db.employee.findUniqueOrThrow({ where: { username: "lina" } })).id, opened.db))!;
    supplier2 = (await loadSupplierActor((await opened.db.supplierUser.findUniqueOrThrow({ where: { username: "supplier2" } })).id, opened.db))!;
    s001 = (await opened.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
  });
  afterAll(async () => {
    await opened?.close();
    delete process.env.FILE_STORAGE_DIR;
    delete process.env.MAX_UPLOAD_MB;
    (globalThis as { __fileStorage?: unknown }).__fileStorage = undefined;
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    ctx.actor = lina;
    ctx.failDb = false;
    delete process.env.MAX_UPLOAD_MB;
  });

  it("uploads multipart form data and streams it back with safe headers and a UTF-8 file name", async () => {
    const res = await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }, { name: "营业执照 2024.pdf", bytes: PDF_SMALL }));
    expect(res.status).toBe(201);
    const { file } = await res.json();
    expect(file).toMatchObject({ name: "营业执照 2024.pdf", contentType: "application/pdf", size: PDF_SMALL.length });
    expect(file).not.toHaveProperty("storageKey");

    const got = await download(file.id);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-length")).toBe(String(PDF_SMALL.length));
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-disposition")).toBe(
      `inline; filename="____ 2024.pdf"; filename*=UTF-8''${encodeURIComponent("营业执照 2024.pdf")}`,
    );
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
  });

  it("downloads text with a charset and other types as attachments", async () => {
    const csv = await (await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }, { name: "清单's (1).csv", bytes: Buffer.from("编码,数量\nA,1\n") }))).json();
    const got = await download(csv.file.id);
    expect(got.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="__'s (1).csv"; filename*=UTF-8''%E6%B8%85%E5%8D%95%27s%20%281%29.csv`);
  });

  it("answers errors as translated JSON with the right status", async () => {
    ctx.actor = null;
    let res = await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }, { name: "a.pdf", bytes: PDF_SMALL }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "请先登录。" } });

    ctx.actor = lina;
    res = await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }, { name: "证书.pdf", bytes: EXE_HEAD }));
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { code: "file_type_not_allowed", message: "不支持该文件类型。" } });

    res = await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }, { name: "a.pdf", bytes: Buffer.alloc(0) }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("file_empty");

    res = await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "validation", message: "输入有误，请检查标出的字段。", fieldErrors: { file: "请选择要上传的文件。" } } });

    res = await POST(new Request("http://localhost/api/files", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(400);

    res = await POST(uploadRequest({ ownerType: "Invoice", ownerId: s001 }, { name: "a.png", bytes: PNG_1X1 }));
    expect(res.status).toBe(403);
  });

  it("answers 413 for a body over the limit without storing anything", async () => {
    process.env.MAX_UPLOAD_MB = "0.05";
    const before = await opened.db.storedFile.count();
    const big = Buffer.concat([PDF_SMALL, Buffer.alloc(300 * 1024, 0x20)]);
    const res = await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }, { name: "big.pdf", bytes: big }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "file_too_large", message: "文件过大，最大允许 0.05 MB。" } });
    // Just over the file limit but within the form allowance: caught while streaming.
    const slightly = Buffer.concat([PDF_SMALL, Buffer.alloc(Math.ceil(0.05 * 1024 * 1024), 0x20)]);
    const res2 = await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }, { name: "big.pdf", bytes: slightly }));
    expect(res2.status).toBe(413);
    expect(await opened.db.storedFile.count()).toBe(before);
  });

  it("answers 404 for another supplier's file, an unknown id and a malformed id", async () => {
    const { file } = await (await POST(uploadRequest({ ownerType: "Supplier", ownerId: s001 }, { name: "a.png", bytes: PNG_1X1 }))).json();
    ctx.actor = supplier2;
    for (const id of [file.id, "00000000-0000-4000-8000-000000000000", "..%2f..%2fetc"]) {
      const res = await download(id);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "记录不存在或您无权查看。" } });
    }
  });

  it("answers unexpected failures generically, without their text", async () => {
    ctx.failDb = true;
    const res = await download("00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "系统出现意外错误，已记录。请稍后重试。" } });
    expect(text).not.toContain("10.0.0.5");
  });
});
