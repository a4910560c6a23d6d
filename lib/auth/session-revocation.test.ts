import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmployeeActor } from "@/lib/auth/actor";
import { loadEmployeeActor, loadSessionActor } from "@/lib/auth/load-actor";
import { signIn } from "@/lib/auth/sign-in";
import { endSession } from "@/lib/auth/sign-out";
import { DEMO_PASSWORD, seedDemo } from "@/lib/demo/seed";
import { updateEmployee } from "@/lib/org/save-employee";
import { setSupplierUserPassword } from "@/lib/srm/supplier-accounts";
import { dbKinds, freshDb } from "@/test/db";

const kinds = await dbKinds();

// A session is a signed token holding its own id and the account's session version at
// sign-in: sign-out revokes that one session (the account's other devices go on), a new
// password bumps the version, so every earlier token stops resolving.
describe.each(kinds)("session revocation on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let admin: EmployeeActor;
  let liuyang: EmployeeActor;
  const ip = "10.7.0.1";
  const versionOf = async (username: string) => (await opened.db.employee.findUniqueOrThrow({ where: { username } })).sessionVersion;
  const employee = async (username: string) => {
    const s = await signIn(opened.db, { realm: "employee", username, password: DEMO_PASSWORD, ip });
    return { realm: "employee" as const, userId: s.id, sessionVersion: s.sessionVersion, sid: randomUUID() };
  };

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    const as = async (username: string) => (await loadEmployeeActor((await opened.db.employee.findUniqueOrThrow({ where: { username } })).id, opened.db))!;
    [admin, liuyang] = await Promise.all([as("admin"), as("liuyang")]);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("sign-in hands out the account's current session version, and a token carrying it resolves", async () => {
    const token = await employee("lina");
    expect(token.sessionVersion).toBe(await versionOf("lina"));
    expect(await loadSessionActor(token, opened.db)).toMatchObject({ realm: "employee", username: "lina" });
  });

  it("a token without a version, with another version, or of the wrong realm resolves to nobody", async () => {
    const token = await employee("lina");
    expect(await loadSessionActor({ realm: "employee", userId: token.userId }, opened.db)).toBeNull();
    expect(await loadSessionActor({ ...token, sid: undefined }, opened.db)).toBeNull();
    expect(await loadSessionActor({ ...token, sessionVersion: token.sessionVersion + 1 }, opened.db)).toBeNull();
    expect(await loadSessionActor({ ...token, sessionVersion: String(token.sessionVersion) }, opened.db)).toBeNull();
    expect(await loadSessionActor({ ...token, realm: "supplier" }, opened.db)).toBeNull();
    expect(await loadEmployeeActor(token.userId, opened.db, token.sessionVersion + 1)).toBeNull();
  });

  it("sign-out ends that session on the server, audited; the account's other sessions and a new sign-in work", async () => {
    const first = await employee("sunli");
    const second = await employee("sunli");
    const before = await versionOf("sunli");
    expect(await endSession(opened.db, first)).toBe(true);
    expect(await versionOf("sunli")).toBe(before);
    expect(await loadSessionActor(first, opened.db)).toBeNull();
    expect(await loadSessionActor(second, opened.db)).toMatchObject({ username: "sunli" });
    const audit = await opened.db.auditLog.findMany({ where: { action: "auth.sign_out", entityId: first.userId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRealm: "employee", actorId: first.userId, entity: "Employee" });

    // Signing out again with the dead token changes nothing and writes nothing.
    const fresh = await employee("sunli");
    expect(await endSession(opened.db, first)).toBe(false);
    expect(await loadSessionActor(fresh, opened.db)).toMatchObject({ username: "sunli" });
    expect(await opened.db.auditLog.count({ where: { action: "auth.sign_out", entityId: first.userId } })).toBe(1);
  });

  it("sign-out ends a portal user's session too, audited under the supplier", async () => {
    const s = await signIn(opened.db, { realm: "supplier", username: "supplier2", password: DEMO_PASSWORD, ip });
    const token = { realm: "supplier" as const, userId: s.id, sessionVersion: s.sessionVersion, sid: randomUUID() };
    expect(await loadSessionActor(token, opened.db)).toMatchObject({ realm: "supplier", username: "supplier2" });
    expect(await endSession(opened.db, token)).toBe(true);
    expect(await loadSessionActor(token, opened.db)).toBeNull();
    const user = await opened.db.supplierUser.findUniqueOrThrow({ where: { id: s.id } });
    const audit = await opened.db.auditLog.findFirstOrThrow({ where: { action: "auth.sign_out", entityId: s.id } });
    expect(audit).toMatchObject({ actorRealm: "supplier", actorId: s.id, supplierId: user.supplierId, entity: "SupplierUser" });
  });

  it("revocations of tokens that expired by themselves are cleared as new ones come", async () => {
    const old = await employee("sunli");
    expect(await endSession(opened.db, { ...old, exp: Math.floor(Date.now() / 1000) - 10 })).toBe(true);
    expect(await endSession(opened.db, await employee("sunli"))).toBe(true);
    expect(await opened.db.revokedSession.count({ where: { sid: old.sid } })).toBe(0);
  });

  it("sign-out with a token missing its claims does nothing", async () => {
    const total = await opened.db.auditLog.count({ where: { action: "auth.sign_out" } });
    expect(await endSession(opened.db, { realm: "employee" })).toBe(false);
    expect(await endSession(opened.db, { realm: "system", userId: admin.id, sessionVersion: 0, sid: randomUUID() })).toBe(false);
    expect(await endSession(opened.db, { realm: "employee", userId: admin.id, sessionVersion: 0 })).toBe(false);
    expect(await opened.db.auditLog.count({ where: { action: "auth.sign_out" } })).toBe(total);
  });

  it("an administrator setting an employee's password ends that employee's sessions; other edits do not", async () => {
    const token = await employee("lina");
    const lina = await opened.db.employee.findUniqueOrThrow({ where: { username: "lina" } });
    const edit = { id: lina.id, name: lina.name, departmentId: lina.departmentId, roles: ["buyer"], groups: ["purchasing"] };
    await updateEmployee(opened.db, liuyang, edit);
    expect(await loadSessionActor(token, opened.db)).toMatchObject({ username: "lina" });

    await updateEmployee(opened.db, liuyang, { ...edit, password: "Changed@2026" });
    expect(await versionOf("lina")).toBe(token.sessionVersion + 1);
    expect(await loadSessionActor(token, opened.db)).toBeNull();
    const audit = await opened.db.auditLog.findFirstOrThrow({ where: { action: "employee.update", entityId: lina.id }, orderBy: { at: "desc" } });
    expect(audit.after).toMatchObject({ passwordChanged: true });
    await updateEmployee(opened.db, admin, { ...edit, password: DEMO_PASSWORD });
  });

  it("a refused password change leaves the sessions alone (the bump is in the change's transaction)", async () => {
    const token = await employee("chenjing");
    const chenjing = await opened.db.employee.findUniqueOrThrow({ where: { username: "chenjing" } });
    // Outside liuyang's department: refused inside the transaction.
    await expect(updateEmployee(opened.db, liuyang, { id: chenjing.id, name: chenjing.name, departmentId: chenjing.departmentId, roles: ["quality", "manager"], groups: ["quality"], password: "Changed@2026" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await loadSessionActor(token, opened.db)).toMatchObject({ username: "chenjing" });
  });

  it("a new portal password ends that portal user's sessions, audited without the password", async () => {
    const s = await signIn(opened.db, { realm: "supplier", username: "supplier1", password: DEMO_PASSWORD, ip });
    const token = { realm: "supplier" as const, userId: s.id, sessionVersion: s.sessionVersion, sid: randomUUID() };
    await expect(setSupplierUserPassword(opened.db, liuyang, { id: s.id, password: "short" })).rejects.toMatchObject({ code: "validation" });
    await setSupplierUserPassword(opened.db, liuyang, { id: s.id, password: "Portal@2026new" });
    expect(await loadSessionActor(token, opened.db)).toBeNull();
    await expect(signIn(opened.db, { realm: "supplier", username: "supplier1", password: DEMO_PASSWORD, ip: "10.7.0.2" })).rejects.toMatchObject({ code: "invalid_credentials" });
    const again = await signIn(opened.db, { realm: "supplier", username: "supplier1", password: "Portal@2026new", ip });
    expect(again.sessionVersion).toBe(s.sessionVersion + 1);
    const audit = await opened.db.auditLog.findFirstOrThrow({ where: { action: "supplier_user.password", entityId: s.id } });
    expect(audit.actorId).toBe(liuyang.id);
    expect(JSON.stringify(audit)).not.toContain("Portal@2026new");
    // Only holders of supplier_account.manage may set one.
    const sunli = (await loadEmployeeActor((await opened.db.employee.findUniqueOrThrow({ where: { username: "sunli" } })).id, opened.db))!;
    await expect(setSupplierUserPassword(opened.db, sunli, { id: s.id, password: "Portal@2026x" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
