import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmployeeActor } from "@/lib/auth/actor";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import { DEMO_PASSWORD, seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { listEmployeeFormOptions } from "./list-employee-options";
import { DELEGABLE_ROLES } from "./role-catalog";
import { createEmployee, updateEmployee } from "./save-employee";

const kinds = await dbKinds();

// Decentralised administration: a department administrator (liuyang, purchasing)
// hands out only delegable roles and groups of his own department, never to himself.
describe.each(kinds)("what a department administrator may grant, on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let admin: EmployeeActor;
  let liuyang: EmployeeActor;
  const row = (username: string) =>
    opened.db.employee.findUniqueOrThrow({ where: { username }, include: { roles: { include: { role: true } }, groups: { include: { group: true } } } });
  const as = async (username: string) => (await loadEmployeeActor((await row(username)).id, opened.db))!;
  /** The update the form would send for `username`, with roles and groups changed by `patch`. */
  const edit = async (username: string, patch: { roles?: (held: string[]) => string[]; groups?: (held: string[]) => string[]; password?: string } = {}) => {
    const e = await row(username);
    const roles = e.roles.map((r) => r.role.key);
    const groups = e.groups.map((g) => g.group.key);
    return { id: e.id, name: e.name, email: e.email, departmentId: e.departmentId, roles: patch.roles ? patch.roles(roles) : roles, groups: patch.groups ? patch.groups(groups) : groups, password: patch.password };
  };
  const rolesOf = async (username: string) => (await row(username)).roles.map((r) => r.role.key).sort();
  const groupsOf = async (username: string) => (await row(username)).groups.map((g) => g.group.key).sort();
  const add = (x: string) => (held: string[]) => [...held, x];
  const drop = (x: string) => (held: string[]) => held.filter((h) => h !== x);

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    [admin, liuyang] = await Promise.all([as("admin"), as("liuyang")]);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("declares the delegable roles: no administration, management, process ownership or lead roles", () => {
    expect([...DELEGABLE_ROLES].sort()).toEqual(["buyer", "engineer", "finance", "quality", "sales", "warehouse"]);
  });

  it("a department administrator changes none of his own roles or groups, not even delegable ones", async () => {
    const before = { roles: await rolesOf("liuyang"), groups: await groupsOf("liuyang") };
    await expect(updateEmployee(opened.db, liuyang, await edit("liuyang", { roles: add("process_owner") }))).rejects.toMatchObject({ code: "grant_own_access" });
    await expect(updateEmployee(opened.db, liuyang, await edit("liuyang", { roles: add("buyer") }))).rejects.toMatchObject({ code: "grant_own_access" });
    await expect(updateEmployee(opened.db, liuyang, await edit("liuyang", { roles: drop("buyer_lead") }))).rejects.toMatchObject({ code: "grant_own_access" });
    await expect(updateEmployee(opened.db, liuyang, await edit("liuyang", { groups: add("quality") }))).rejects.toMatchObject({ code: "grant_own_access" });
    await expect(updateEmployee(opened.db, liuyang, await edit("liuyang", { groups: drop("purchasing") }))).rejects.toMatchObject({ code: "grant_own_access" });
    expect({ roles: await rolesOf("liuyang"), groups: await groupsOf("liuyang") }).toEqual(before);
    // His own name and contact details stay his to edit.
    await updateEmployee(opened.db, liuyang, { ...(await edit("liuyang")), email: "liuyang@example.test" });
    expect((await row("liuyang")).email).toBe("liuyang@example.test");
  });

  it("refuses org-wide roles for his staff, on the roles field", async () => {
    for (const role of ["process_owner", "manager", "buyer_lead", "sales_lead", "admin", "dept_admin"]) {
      await expect(updateEmployee(opened.db, liuyang, await edit("lina", { roles: add(role) })), role).rejects.toMatchObject({ code: "role_not_delegable", fieldErrors: { roles: "validation.role_not_delegable" } });
    }
    const purchasing = (await row("lina")).departmentId;
    await expect(createEmployee(opened.db, liuyang, { username: "newlead", name: "新主管", departmentId: purchasing, password: DEMO_PASSWORD, roles: ["buyer", "manager"], groups: [] })).rejects.toMatchObject({ code: "role_not_delegable" });
    expect(await rolesOf("lina")).toEqual(["buyer"]);
    expect(await opened.db.employee.count({ where: { username: "newlead" } })).toBe(0);
  });

  it("refuses groups of other departments (segregation of duties), on the groups field", async () => {
    for (const group of ["quality", "management", "process_owners", "finance"]) {
      await expect(updateEmployee(opened.db, liuyang, await edit("lina", { groups: add(group) })), group).rejects.toMatchObject({ code: "group_not_delegable", fieldErrors: { groups: "validation.group_not_delegable" } });
    }
    const purchasing = (await row("lina")).departmentId;
    await expect(createEmployee(opened.db, liuyang, { username: "newqc", name: "新质检", departmentId: purchasing, password: DEMO_PASSWORD, roles: ["buyer"], groups: ["quality"] })).rejects.toMatchObject({ code: "group_not_delegable" });
    expect(await groupsOf("lina")).toEqual(["purchasing"]);
  });

  it("grants and removes delegable roles and his department's groups", async () => {
    await updateEmployee(opened.db, liuyang, await edit("lina", { roles: add("quality") }));
    expect(await rolesOf("lina")).toEqual(["buyer", "quality"]);
    await updateEmployee(opened.db, liuyang, await edit("lina", { roles: drop("quality"), groups: drop("purchasing") }));
    expect(await rolesOf("lina")).toEqual(["buyer"]);
    expect(await groupsOf("lina")).toEqual([]);
    await updateEmployee(opened.db, liuyang, await edit("lina", { groups: add("purchasing") }));
    expect(await groupsOf("lina")).toEqual(["purchasing"]);
    const purchasing = (await row("lina")).departmentId;
    const e = await createEmployee(opened.db, liuyang, { username: "newbuyer", name: "新采购", departmentId: purchasing, password: DEMO_PASSWORD, roles: ["buyer", "finance"], groups: ["purchasing"] });
    expect(e.username).toBe("newbuyer");
  });

  it("keeps what an administrator granted: he may leave it in place but not remove it, nor take the account over", async () => {
    await updateEmployee(opened.db, admin, await edit("lina", { roles: add("manager"), groups: add("quality") }));
    // Editing other things, the administrator's grants left as they are: fine.
    await updateEmployee(opened.db, liuyang, { ...(await edit("lina")), phone: "021-5555" });
    await expect(updateEmployee(opened.db, liuyang, await edit("lina", { roles: drop("manager") }))).rejects.toMatchObject({ code: "role_not_delegable" });
    await expect(updateEmployee(opened.db, liuyang, await edit("lina", { groups: drop("quality") }))).rejects.toMatchObject({ code: "group_not_delegable" });
    // The quality group now has a member of his department, still it is not his.
    await expect(updateEmployee(opened.db, liuyang, await edit("newbuyer", { groups: add("quality") }))).rejects.toMatchObject({ code: "group_not_delegable" });
    // A new password would hand him the manager role through her account.
    await expect(updateEmployee(opened.db, liuyang, await edit("lina", { password: "Takeover@2026" }))).rejects.toMatchObject({ code: "password_not_delegable" });
    expect(await rolesOf("lina")).toEqual(["buyer", "manager"]);
    expect(await groupsOf("lina")).toEqual(["purchasing", "quality"]);
    // The purchasing group stays his only while all its members are in his department.
    expect((await listEmployeeFormOptions(opened.db, liuyang)).groups.filter((g) => g.grantable).map((g) => g.key)).toEqual(["purchasing"]);
    await updateEmployee(opened.db, admin, await edit("lina", { roles: drop("manager"), groups: drop("quality") }));
    await updateEmployee(opened.db, liuyang, await edit("lina", { password: "Allowed@2026" }));
  });

  it("an administrator is not bounded: org-wide roles, any group, his own access", async () => {
    await updateEmployee(opened.db, admin, await edit("lina", { roles: add("process_owner"), groups: add("quality") }));
    expect(await rolesOf("lina")).toEqual(["buyer", "process_owner"]);
    await updateEmployee(opened.db, admin, await edit("admin", { roles: add("manager"), groups: add("management") }));
    expect(await rolesOf("admin")).toEqual(["admin", "manager", "process_owner"]);
    await updateEmployee(opened.db, admin, await edit("admin", { roles: drop("manager"), groups: drop("management") }));
    await updateEmployee(opened.db, admin, await edit("lina", { roles: drop("process_owner"), groups: drop("quality") }));
    expect(await rolesOf("lina")).toEqual(["buyer"]);
  });

  it("the form offers a department administrator only what he may grant; an administrator everything", async () => {
    const mine = await listEmployeeFormOptions(opened.db, liuyang);
    expect(mine.roles.filter((r) => r.grantable).map((r) => r.key).sort()).toEqual([...DELEGABLE_ROLES].sort());
    expect(mine.groups.filter((g) => g.grantable).map((g) => g.key)).toEqual(["purchasing"]);
    expect(mine.lockedEmployeeId).toBe(liuyang.id);
    const all = await listEmployeeFormOptions(opened.db, admin);
    expect(all.roles.every((r) => r.grantable) && all.groups.every((g) => g.grantable)).toBe(true);
    expect(all.lockedEmployeeId).toBeNull();
  });

  it("every refusal leaves no audit row behind", async () => {
    const lina = await row("lina");
    const count = () => opened.db.auditLog.count({ where: { entity: "Employee", entityId: lina.id } });
    const before = await count();
    await expect(updateEmployee(opened.db, liuyang, await edit("lina", { roles: add("process_owner") }))).rejects.toMatchObject({ code: "role_not_delegable" });
    expect(await count()).toBe(before);
  });
});
