import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmployeeActor, SupplierActor } from "@/lib/auth/actor";
import { changeOwnPassword } from "@/lib/auth/change-own-password";
import { loadEmployeeActor, loadSessionActor, loadSupplierActor } from "@/lib/auth/load-actor";
import { requireSupplierUser } from "@/lib/auth/permissions";
import { signIn } from "@/lib/auth/sign-in";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { addColleague } from "./add-colleague";
import { listColleagues } from "./list-colleagues";
import { createSupplierUser, resetSupplierUserPassword } from "./supplier-accounts";
import { supplierUserInput } from "./supplier.schema";
import { setColleagueActive, setColleagueAdmin } from "./update-colleague";

const kinds = await dbKinds();

// SRM-10: a password someone else chose must be replaced before anything else; a
// supplier's own administrator manages its colleagues and nobody else's.
describe.each(kinds)("portal accounts on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let liuyang: EmployeeActor;
  let s001: string;
  let s002: string;
  const ip = "10.9.0.1";
  const supplier = async (username: string) => (await loadSupplierActor((await opened.db.supplierUser.findUniqueOrThrow({ where: { username } })).id, opened.db))!;
  const session = async (username: string, password: string) => {
    const s = await signIn(opened.db, { realm: "supplier", username, password, ip });
    return { realm: "supplier" as const, userId: s.id, sessionVersion: s.sessionVersion, sid: randomUUID() };
  };
  const row = (id: string) => opened.db.supplierUser.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    liuyang = (await loadEmployeeActor((await opened.db.employee.findUniqueOrThrow({ where: { username: "liuyang" } })).id, opened.db))!;
    [s001, s002] = await Promise.all(["S001", "S002"].map(async (code) => (await opened.db.supplier.findUniqueOrThrow({ where: { code } })).id));
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("the demo users sign in without a forced change; supplier1 administers S001", async () => {
    expect(await supplier("supplier1")).toMatchObject({ isAdmin: true, mustChangePassword: false });
    expect(await supplier("supplier2")).toMatchObject({ isAdmin: false, mustChangePassword: false });
  });

  it("an account an employee opens must change its password: the session resolves, but is refused everything but the change", async () => {
    await createSupplierUser(opened.db, liuyang, supplierUserInput.parse({ supplierId: s002, username: "s2-new", name: "新用户", password: "Chosen@2026" }));
    const token = await session("s2-new", "Chosen@2026");
    const actor = (await loadSessionActor(token, opened.db)) as SupplierActor;
    expect(actor).toMatchObject({ realm: "supplier", mustChangePassword: true });
    expect(() => requireSupplierUser(actor)).toThrow(expect.objectContaining({ code: "password_change_required" }));
    const audit = await opened.db.auditLog.findFirstOrThrow({ where: { action: "supplier_user.create", entityId: actor.id } });
    expect(audit.after).toMatchObject({ mustChangePassword: true });
  });

  it("the own password change: per-field errors change nothing; a good one clears the flag, ends other sessions, audited", async () => {
    const first = await session("s2-new", "Chosen@2026");
    const second = await session("s2-new", "Chosen@2026");
    const actor = (await loadSessionActor(first, opened.db)) as SupplierActor;
    const hashOf = async (id: string) => (await opened.db.supplierUser.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;
    const before = { ...(await row(actor.id)), passwordHash: await hashOf(actor.id) };
    const refused = async (input: object) => {
      const e = await changeOwnPassword(opened.db, actor, input).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "validation" });
      return (e as { fieldErrors: Record<string, string> }).fieldErrors;
    };
    expect(await refused({ currentPassword: "wrong", newPassword: "Better2026", repeatPassword: "Better2026" })).toEqual({ currentPassword: "portalAccount.password.currentWrong" });
    expect(await refused({ currentPassword: "Chosen@2026", newPassword: "short1", repeatPassword: "short1" })).toEqual({ newPassword: "portalAccount.rules.tooShort?min=8&max=200" });
    expect(await refused({ currentPassword: "Chosen@2026", newPassword: "onlyletters", repeatPassword: "onlyletters" })).toEqual({ newPassword: expect.stringMatching(/^portalAccount\.rules\.lettersAndDigits/) });
    expect(await refused({ currentPassword: "Chosen@2026", newPassword: "Chosen@2026", repeatPassword: "Chosen@2026" })).toEqual({ newPassword: expect.stringMatching(/^portalAccount\.rules\.sameAsCurrent/) });
    expect(await refused({ currentPassword: "Chosen@2026", newPassword: "Better2026", repeatPassword: "Better2027" })).toEqual({ repeatPassword: "portalAccount.password.repeatMismatch" });
    expect(await refused({ currentPassword: "", newPassword: "", repeatPassword: "" })).toMatchObject({ currentPassword: "validation.required", newPassword: "validation.required" });
    expect(await hashOf(actor.id)).toBe(before.passwordHash);
    expect(await row(actor.id)).toMatchObject({ sessionVersion: before.sessionVersion, mustChangePassword: true });

    const { sessionVersion } = await changeOwnPassword(opened.db, actor, { currentPassword: "Chosen@2026", newPassword: "Better2026", repeatPassword: "Better2026" });
    expect(sessionVersion).toBe(before.sessionVersion + 1);
    const after = await row(actor.id);
    expect(after).toMatchObject({ mustChangePassword: false, sessionVersion });
    expect(after.passwordChangedAt).toBeInstanceOf(Date);
    // Both old tokens end; the one re-issued with the new version (same session id) carries on.
    expect(await loadSessionActor(first, opened.db)).toBeNull();
    expect(await loadSessionActor(second, opened.db)).toBeNull();
    expect(await loadSessionActor({ ...first, sessionVersion }, opened.db)).toMatchObject({ username: "s2-new", mustChangePassword: false });
    await expect(signIn(opened.db, { realm: "supplier", username: "s2-new", password: "Chosen@2026", ip })).rejects.toMatchObject({ code: "invalid_credentials" });
    await session("s2-new", "Better2026");
    const audit = await opened.db.auditLog.findMany({ where: { action: "supplier_user.password_change", entityId: actor.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRealm: "supplier", actorId: actor.id, supplierId: s002 });
    expect(JSON.stringify(audit)).not.toContain("Better2026");
  });

  it("an employee resets a password: a new initial one, shown once; the user's sessions end; a change is due again", async () => {
    const token = await session("s2-new", "Better2026");
    const u = await opened.db.supplierUser.findUniqueOrThrow({ where: { username: "s2-new" } });
    const sunli = (await loadEmployeeActor((await opened.db.employee.findUniqueOrThrow({ where: { username: "sunli" } })).id, opened.db))!;
    await expect(resetSupplierUserPassword(opened.db, sunli, u.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(resetSupplierUserPassword(opened.db, liuyang, randomUUID())).rejects.toMatchObject({ code: "not_found" });
    await expect(resetSupplierUserPassword(opened.db, liuyang, "not-an-id")).rejects.toMatchObject({ code: "not_found" });
    expect(await loadSessionActor(token, opened.db)).toMatchObject({ username: "s2-new" });

    const reset = await resetSupplierUserPassword(opened.db, liuyang, u.id);
    expect(reset).toMatchObject({ username: "s2-new", name: "新用户" });
    expect(reset.password).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(await loadSessionActor(token, opened.db)).toBeNull();
    expect(await row(u.id)).toMatchObject({ mustChangePassword: true, sessionVersion: u.sessionVersion + 1 });
    const fresh = await session("s2-new", reset.password);
    expect(await loadSessionActor(fresh, opened.db)).toMatchObject({ mustChangePassword: true });
    const audit = await opened.db.auditLog.findFirstOrThrow({ where: { action: "supplier_user.password_reset", entityId: u.id } });
    expect(audit).toMatchObject({ actorRealm: "employee", actorId: liuyang.id });
    expect(JSON.stringify(audit)).not.toContain(reset.password);
  });

  it("a supplier administrator lists and adds colleagues of the own supplier only; others may not", async () => {
    const admin = await supplier("supplier1");
    const list = await listColleagues(opened.db, admin);
    expect(list.users.map((u) => u.username)).toEqual(["supplier1"]);
    await expect(listColleagues(opened.db, await supplier("supplier2"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(addColleague(opened.db, await supplier("supplier2"), { username: "x-s2", name: "X" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(addColleague(opened.db, admin, { username: "Bad Name", name: "" })).rejects.toMatchObject({ code: "validation", fieldErrors: { username: "validation.username_format", name: "validation.required" } });
    await expect(addColleague(opened.db, admin, { username: "supplier2", name: "重名" })).rejects.toMatchObject({ code: "validation", fieldErrors: { username: "validation.taken" } });

    // A supplierId smuggled into the input is ignored: the session's supplier decides.
    const added = await addColleague(opened.db, admin, { username: "S1-Clerk", name: "钱二", email: "", supplierId: s002 });
    expect(added).toMatchObject({ username: "s1-clerk", name: "钱二" });
    expect(await row(added.id)).toMatchObject({ supplierId: s001, mustChangePassword: true, isAdmin: false, active: true });
    const signedIn = await session("s1-clerk", added.password);
    expect(await loadSessionActor(signedIn, opened.db)).toMatchObject({ supplierId: s001, mustChangePassword: true });
    expect((await listColleagues(opened.db, admin)).users.map((u) => u.username)).toEqual(["s1-clerk", "supplier1"]);
    const audit = await opened.db.auditLog.findFirstOrThrow({ where: { action: "supplier_user.create", entityId: added.id } });
    expect(audit).toMatchObject({ actorRealm: "supplier", actorId: admin.id, supplierId: s001 });
    expect(JSON.stringify(audit)).not.toContain(added.password);
  });

  it("a forged id of another supplier's account is not found and changes nothing", async () => {
    const admin = await supplier("supplier1");
    const other = await opened.db.supplierUser.findUniqueOrThrow({ where: { username: "supplier2" } });
    const auditBefore = await opened.db.auditLog.count();
    await expect(setColleagueActive(opened.db, admin, { id: other.id, active: false })).rejects.toMatchObject({ code: "not_found" });
    await expect(setColleagueAdmin(opened.db, admin, { id: other.id, isAdmin: true })).rejects.toMatchObject({ code: "not_found" });
    await expect(setColleagueActive(opened.db, admin, { id: "x'; drop", active: false })).rejects.toMatchObject({ code: "not_found" });
    await expect(setColleagueActive(opened.db, admin, { id: other.id, active: "no" })).rejects.toMatchObject({ code: "validation" });
    expect(await row(other.id)).toMatchObject({ active: true, isAdmin: false });
    expect(await opened.db.auditLog.count()).toBe(auditBefore);
  });

  it("deactivate, reactivate, grant and revoke: audited; not oneself; the last active administrator stays", async () => {
    const admin = await supplier("supplier1");
    const clerk = await opened.db.supplierUser.findUniqueOrThrow({ where: { username: "s1-clerk" } });
    await expect(setColleagueActive(opened.db, admin, { id: admin.id, active: false })).rejects.toMatchObject({ code: "own_account" });
    await expect(setColleagueAdmin(opened.db, admin, { id: admin.id, isAdmin: false })).rejects.toMatchObject({ code: "last_supplier_admin" });
    expect(await row(admin.id)).toMatchObject({ active: true, isAdmin: true });

    const token = await session("s1-clerk", await resetFor(clerk.id));
    await setColleagueActive(opened.db, admin, { id: clerk.id, active: false });
    expect(await loadSessionActor(token, opened.db)).toBeNull();
    await expect(signIn(opened.db, { realm: "supplier", username: "s1-clerk", password: "irrelevant", ip })).rejects.toMatchObject({ code: "invalid_credentials" });
    await setColleagueActive(opened.db, admin, { id: clerk.id, active: true });
    await setColleagueAdmin(opened.db, admin, { id: clerk.id, isAdmin: true });
    // With a second administrator, supplier1 may hand its own rights over.
    await setColleagueAdmin(opened.db, admin, { id: admin.id, isAdmin: false });
    expect(await supplier("supplier1")).toMatchObject({ isAdmin: false });
    // An actor loaded before that still says administrator: the transaction checks again.
    await expect(setColleagueAdmin(opened.db, admin, { id: admin.id, isAdmin: true })).rejects.toMatchObject({ code: "forbidden" });
    const actions = (await opened.db.auditLog.findMany({ where: { entity: "SupplierUser", entityId: { in: [clerk.id, admin.id] }, action: { in: ["supplier_user.deactivate", "supplier_user.activate", "supplier_user.grant_admin", "supplier_user.revoke_admin"] } }, orderBy: { at: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["supplier_user.deactivate", "supplier_user.activate", "supplier_user.grant_admin", "supplier_user.revoke_admin"]);
    // Give supplier1 its rights back for the next case (the clerk is an administrator now).
    const clerkAdmin = (await loadSupplierActor(clerk.id, opened.db))!;
    await setColleagueAdmin(opened.db, { ...clerkAdmin, mustChangePassword: false }, { id: admin.id, isAdmin: true });
  });

  it("two administrators removing each other at once: one wins, the supplier keeps an administrator", async () => {
    const a = await supplier("supplier1");
    const b = { ...(await supplier("s1-clerk")), mustChangePassword: false };
    const results = await Promise.allSettled([setColleagueActive(opened.db, a, { id: b.id, active: false }), setColleagueActive(opened.db, b, { id: a.id, active: false })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await opened.db.supplierUser.count({ where: { supplierId: s001, active: true, isAdmin: true } })).toBe(1);
  });

  async function resetFor(id: string) {
    const { password } = await resetSupplierUserPassword(opened.db, liuyang, id);
    return password;
  }
});
