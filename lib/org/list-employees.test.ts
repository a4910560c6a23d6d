import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import type { EmployeeActor } from "@/lib/auth/actor";
import { DEMO_PASSWORD, seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { employeeInput, employeeUpdate } from "./org.schema";
import { listEmployeeChoices } from "./list-employee-choices";
import { listEmployeeFormOptions } from "./list-employee-options";
import { listEmployees, parseEmployeeListQuery } from "./list-employees";
import { createDepartment } from "./save-department";
import { createEmployee, setEmployeeActive, updateEmployee } from "./save-employee";

const kinds = await dbKinds();

describe.each(kinds)("employee administration on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let admin: EmployeeActor;
  let liuyang: EmployeeActor;
  let sunli: EmployeeActor;
  const as = async (username: string) => {
    const e = await opened.db.employee.findUniqueOrThrow({ where: { username } });
    return (await loadEmployeeActor(e.id, opened.db))!;
  };
  const dept = async (code: string) => opened.db.department.findUniqueOrThrow({ where: { code } });
  const q = (params: Record<string, string> = {}) => parseEmployeeListQuery(params);

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    [admin, liuyang, sunli] = await Promise.all([as("admin"), as("liuyang"), as("sunli")]);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("an admin lists everyone; a department admin only their own department subtree", async () => {
    const all = await listEmployees(opened.db, admin, q({ size: "50" }));
    expect(all.total).toBe(await opened.db.employee.count());
    const mine = await listEmployees(opened.db, liuyang, q({ size: "50" }));
    expect(mine.rows.map((r) => r.username).sort()).toEqual(["lina", "liuyang"]);
    expect(mine.total).toBe(2);
  });

  it("the department subtree includes sub-departments made later", async () => {
    const purchasing = await dept("purchasing");
    const sub = await createDepartment(opened.db, admin, { code: "purchasing-import", nameZh: "进口采购科", nameEn: "Import purchasing", parentId: purchasing.id, headId: null });
    await createEmployee(opened.db, admin, { username: "gaofei", name: "高飞", departmentId: sub.id, password: DEMO_PASSWORD, roles: ["buyer"], groups: ["purchasing"] });
    const mine = await listEmployees(opened.db, liuyang, q({ size: "50" }));
    expect(mine.rows.map((r) => r.username).sort()).toEqual(["gaofei", "lina", "liuyang"]);
  });

  it("a department filter narrows a department admin's scope but never widens it", async () => {
    const quality = await dept("quality");
    const outside = await listEmployees(opened.db, liuyang, q({ dept: quality.id }));
    expect(outside.total).toBe(0);
    const asAdmin = await listEmployees(opened.db, admin, q({ dept: quality.id }));
    expect(asAdmin.rows.map((r) => r.username).sort()).toEqual(["chenjing", "yangfan"]);
    const hq = await dept("hq");
    const whole = await listEmployees(opened.db, liuyang, q({ dept: hq.id, size: "50" }));
    expect(whole.rows.every((r) => ["lina", "liuyang", "gaofei"].includes(r.username))).toBe(true);
  });

  it("someone without org administration rights cannot list employees or pickers", async () => {
    await expect(listEmployees(opened.db, sunli, q())).rejects.toMatchObject({ code: "forbidden" });
    await expect(listEmployeeChoices(opened.db, sunli)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listEmployeeFormOptions(opened.db, sunli)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("form options are scoped: a department admin picks only own departments and grants only delegable roles", async () => {
    const opts = await listEmployeeFormOptions(opened.db, liuyang);
    expect(opts.departments.map((d) => d.code)).toEqual(["purchasing", "purchasing-import"]);
    expect(opts.departments.map((d) => d.depth)).toEqual([0, 1]);
    expect(opts.roles.filter((r) => !r.grantable).map((r) => r.key)).toEqual(["admin", "dept_admin", "manager", "process_owner", "buyer_lead", "sales_lead"]);
    const full = await listEmployeeFormOptions(opened.db, admin);
    expect(full.roles.every((r) => r.grantable)).toBe(true);
    expect(full.departments[0]).toMatchObject({ code: "hq", depth: 0 });
    const choices = await listEmployeeChoices(opened.db, liuyang);
    expect(choices.map((c) => c.username).sort()).toEqual(["gaofei", "lina", "liuyang"]);
  });

  it("pages, sorts and searches on the server", async () => {
    const total = await opened.db.employee.count();
    const p1 = await listEmployees(opened.db, admin, q({ size: "10", sort: "username", dir: "asc" }));
    const p2 = await listEmployees(opened.db, admin, q({ size: "10", sort: "username", dir: "asc", page: "2" }));
    expect(p1.rows).toHaveLength(10);
    expect(p2.rows).toHaveLength(total - 10);
    expect(p1.pageCount).toBe(2);
    const names = [...p1.rows, ...p2.rows].map((r) => r.username);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(total);

    const desc = await listEmployees(opened.db, admin, q({ size: "50", sort: "username", dir: "desc" }));
    expect(desc.rows.map((r) => r.username)).toEqual([...names].reverse());

    const byDept = await listEmployees(opened.db, admin, q({ size: "50", sort: "department" }));
    const codes = byDept.rows.map((r) => r.department?.code ?? "");
    expect(codes).toEqual([...codes].sort());

    // Search matches username or name, case-insensitively.
    const li = await listEmployees(opened.db, admin, q({ q: "LI" }));
    expect(li.rows.map((r) => r.username).sort()).toEqual(["lina", "liuyang", "sunli"]);
    const chinese = await listEmployees(opened.db, admin, q({ q: "刘" }));
    expect(chinese.rows.map((r) => r.username)).toEqual(["liuyang"]);
  });

  it("a page past the end shows the last page, and malformed params fall back to defaults", async () => {
    const far = await listEmployees(opened.db, admin, q({ size: "10", page: "99" }));
    expect(far.page).toBe(2);
    const odd = parseEmployeeListQuery({ size: "7", page: "-3", sort: "passwordHash", dir: "sideways", dept: "not-a-uuid", active: "maybe" });
    expect(odd).toEqual({ q: "", departmentId: null, active: "all", sort: "username", dir: "asc", page: 1, pageSize: 20 });
  });

  it("filters by active state", async () => {
    const lina = await opened.db.employee.findUniqueOrThrow({ where: { username: "lina" } });
    await setEmployeeActive(opened.db, liuyang, lina.id, false);
    const inactive = await listEmployees(opened.db, liuyang, q({ active: "inactive" }));
    expect(inactive.rows.map((r) => r.username)).toEqual(["lina"]);
    const active = await listEmployees(opened.db, liuyang, q({ active: "active" }));
    expect(active.rows.map((r) => r.username)).not.toContain("lina");
    await setEmployeeActive(opened.db, liuyang, lina.id, true);
  });

  it("a department admin cannot edit or deactivate a quality employee, nor move someone out of scope", async () => {
    const yangfan = await opened.db.employee.findUniqueOrThrow({ where: { username: "yangfan" } });
    const lina = await opened.db.employee.findUniqueOrThrow({ where: { username: "lina" } });
    const quality = await dept("quality");
    await expect(updateEmployee(opened.db, liuyang, { id: yangfan.id, name: "改名", departmentId: yangfan.departmentId, roles: ["quality"], groups: ["quality"] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setEmployeeActive(opened.db, liuyang, yangfan.id, false)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateEmployee(opened.db, liuyang, { id: lina.id, name: "李娜", departmentId: quality.id, roles: ["buyer"], groups: ["purchasing"] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createEmployee(opened.db, liuyang, { username: "intruder", name: "X", departmentId: quality.id, password: DEMO_PASSWORD, roles: [], groups: [] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateEmployee(opened.db, liuyang, { id: lina.id, name: "李娜", departmentId: lina.departmentId, roles: ["buyer", "dept_admin"], groups: ["purchasing"] })).rejects.toMatchObject({ code: "role_not_delegable" });
    expect((await opened.db.employee.findUniqueOrThrow({ where: { id: yangfan.id } })).name).toBe("杨帆");
  });

  it("a department admin above a full administrator still cannot reset that admin's password or deactivate them", async () => {
    const hq = await dept("hq");
    await createEmployee(opened.db, admin, { username: "hqadmin", name: "总部管理员", departmentId: hq.id, password: DEMO_PASSWORD, roles: ["dept_admin"], groups: [] });
    const hqAdmin = await as("hqadmin");
    const adminRow = await opened.db.employee.findUniqueOrThrow({ where: { username: "admin" } });
    await expect(updateEmployee(opened.db, hqAdmin, { id: adminRow.id, name: adminRow.name, departmentId: adminRow.departmentId, roles: ["admin", "process_owner"], groups: ["process_owners"], password: "Taken@2026!" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setEmployeeActive(opened.db, hqAdmin, adminRow.id, false)).rejects.toMatchObject({ code: "forbidden" });
    // Everyone else in the subtree stays theirs to manage.
    const yangfan = await opened.db.employee.findUniqueOrThrow({ where: { username: "yangfan" } });
    await setEmployeeActive(opened.db, hqAdmin, yangfan.id, false);
    await setEmployeeActive(opened.db, hqAdmin, yangfan.id, true);
  });

  it("input parsed once by the server action is accepted again by the domain function", async () => {
    // employeeAction hands the parsed value on; empty email/phone are null by then.
    const purchasing = await dept("purchasing");
    const created = await createEmployee(opened.db, liuyang, employeeInput.parse({ username: "Zhouyu", name: "周瑜", email: "", phone: "", departmentId: purchasing.id, password: DEMO_PASSWORD, roles: ["buyer"], groups: [] }));
    expect(created).toMatchObject({ username: "zhouyu", email: null, phone: null });
    const updated = await updateEmployee(opened.db, liuyang, employeeUpdate.parse({ id: created.id, name: "周瑜", email: "", phone: "", departmentId: purchasing.id, password: "", roles: ["buyer"], groups: ["purchasing"] }));
    expect(updated.name).toBe("周瑜");
  });

  it("every employee mutation writes an audit row by its actor", async () => {
    const purchasing = await dept("purchasing");
    const e = await createEmployee(opened.db, liuyang, { username: "audited", name: "审计", departmentId: purchasing.id, password: DEMO_PASSWORD, roles: ["buyer"], groups: [] });
    await updateEmployee(opened.db, liuyang, { id: e.id, name: "审计二", departmentId: purchasing.id, roles: ["buyer"], groups: ["purchasing"], password: "NewPass@2026" });
    await setEmployeeActive(opened.db, liuyang, e.id, false);
    await setEmployeeActive(opened.db, liuyang, e.id, true);
    const rows = await opened.db.auditLog.findMany({ where: { entity: "Employee", entityId: e.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["employee.create", "employee.update", "employee.deactivate", "employee.activate"]);
    expect(rows.every((r) => r.actorId === liuyang.id && r.actorRealm === "employee")).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("NewPass");
  });
});
