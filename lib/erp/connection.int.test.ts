import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { connectionView, connectorSettings, loadConnection, saveConnection } from "./connection";
import { deleteMapping } from "./delete-mapping";
import { saveMapping } from "./save-mapping";
import { testConnection } from "./test-connection";

process.env.ERP_SECRET_KEY ??= "test-erp-secret-key";
const kinds = await dbKinds();

describe.each(kinds)("ERP connection on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => t?.close());

  it("is the built-in connector until saved", async () => {
    expect((await loadConnection(t.db)).kind).toBe("builtin");
    expect(await connectionView(t.db)).toMatchObject({ kind: "builtin", hasPassword: false });
  });

  it("stores the password encrypted, never returns it, and keeps it when left empty", async () => {
    const admin = await t.actor("admin");
    const view = await saveConnection(t.db, admin, { kind: "tryton", url: "http://127.0.0.1:8000", database: "ff", username: "admin", password: "Tryton-Pa55", pollSeconds: 30 });
    expect(view).toMatchObject({ kind: "tryton", hasPassword: true, pollSeconds: 30 });
    expect(JSON.stringify(view)).not.toContain("Tryton-Pa55");
    expect(view).not.toHaveProperty("passwordEnc");
    const row = await t.db.erpConnection.findUniqueOrThrow({ where: { id: "default" } });
    expect(row.passwordEnc).toBeTruthy();
    expect(row.passwordEnc).not.toContain("Tryton-Pa55");
    expect(connectorSettings(await loadConnection(t.db)).password).toBe("Tryton-Pa55");

    await t.db.erpCursor.create({ data: { key: "erp.products", value: "2026-01-01T00:00:00.000Z" } });
    await saveConnection(t.db, admin, { kind: "tryton", url: "http://127.0.0.1:8000", database: "ff2", username: "admin", password: "" });
    expect(await t.db.erpCursor.count()).toBe(0);
    expect(connectorSettings(await loadConnection(t.db))).toMatchObject({ database: "ff2", password: "Tryton-Pa55" });

    const audits = await t.db.auditLog.findMany({ where: { action: "erp.connection.save" } });
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain("Tryton-Pa55");
    expect(JSON.stringify(audits)).not.toContain(row.passwordEnc!);
  });

  it("says so when the stored password cannot be decrypted any more", async () => {
    await t.db.erpConnection.update({ where: { id: "default" }, data: { passwordEnc: "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });
    const stored = await loadConnection(t.db);
    expect(() => connectorSettings(stored)).toThrow(/cannot be decrypted/);
  });

  it("refuses a Tryton connection without a password, and anyone without integration.manage", async () => {
    await t.db.erpConnection.deleteMany();
    await expect(saveConnection(t.db, await t.actor("admin"), { kind: "tryton", url: "http://x:8000", database: "d", username: "u" })).rejects.toMatchObject({ code: "validation" });
    await expect(saveConnection(t.db, await t.actor("liuyang"), { kind: "builtin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(testConnection(t.db, await t.actor("liuyang"))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("tests the built-in connection and keeps its health", async () => {
    await saveConnection(t.db, await t.actor("admin"), { kind: "builtin" });
    const r = await testConnection(t.db, await t.actor("admin"));
    expect(r).toMatchObject({ ok: true, version: "builtin" });
    expect(await connectionView(t.db)).toMatchObject({ healthOk: true });
    expect(await t.db.erpSyncLog.count({ where: { operation: "read.testConnection", status: "ok" } })).toBe(1);
  });

  it("saves, changes and deletes mappings with an audit row each", async () => {
    const admin = await t.actor("admin");
    const m = await saveMapping(t.db, admin, { entity: "paymentTerm", localCode: "NET30", erpId: "7", erpName: "30 days" });
    await saveMapping(t.db, admin, { entity: "paymentTerm", localCode: "NET30", erpId: "8" });
    expect((await t.db.erpMapping.findUniqueOrThrow({ where: { id: m.id } })).erpId).toBe("8");
    await expect(saveMapping(t.db, admin, { entity: "paymentTerm", localCode: "NET60", erpId: "8" })).rejects.toMatchObject({ code: "duplicate" });
    await deleteMapping(t.db, admin, m.id);
    expect(await t.db.erpMapping.count()).toBe(0);
    expect(await t.db.auditLog.count({ where: { entity: "ErpMapping" } })).toBe(3);
  });
});
