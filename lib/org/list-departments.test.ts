import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import type { EmployeeActor } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { listDepartments, orderAsTree } from "./list-departments";
import { createDepartment, setDepartmentActive, updateDepartment } from "./save-department";

const kinds = await dbKinds();

describe.each(kinds)("department administration on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let admin: EmployeeActor;
  let liuyang: EmployeeActor;
  let sunli: EmployeeActor;
  const as = async (username: string) => {
    const e = await opened.db.employee.findUniqueOrThrow({ where: { username } });
    return (await loadEmployeeActor(e.id, opened.db))!;
  };

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    [admin, liuyang, sunli] = await Promise.all([as("admin"), as("liuyang"), as("sunli")]);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("orders a flat list as a tree: parents first, siblings by code, with depth", () => {
    const rows = [
      { id: "c", parentId: "a", code: "b-child" },
      { id: "a", parentId: null, code: "root" },
      { id: "b", parentId: "a", code: "a-child" },
      { id: "d", parentId: "b", code: "grandchild" },
      { id: "e", parentId: "missing", code: "orphan" },
    ];
    expect(orderAsTree(rows).map((r) => [r.code, r.depth])).toEqual([
      ["orphan", 0],
      ["root", 0],
      ["a-child", 1],
      ["grandchild", 2],
      ["b-child", 1],
    ]);
  });

  it("lists the tree with heads and active people counts to anyone who may view the organisation", async () => {
    const tree = await listDepartments(opened.db, liuyang);
    expect(tree[0]).toMatchObject({ code: "hq", depth: 0, subDepartments: 8 });
    expect(tree.slice(1).every((d) => d.depth === (d.code === "sales-south" ? 2 : 1))).toBe(true);
    const purchasing = tree.find((d) => d.code === "purchasing")!;
    expect(purchasing).toMatchObject({ people: 2, active: true, head: { username: "liuyang" } });
  });

  it("a sales employee may not view the organisation, and a department admin may not change it", async () => {
    await expect(listDepartments(opened.db, sunli)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createDepartment(opened.db, liuyang, { code: "x", nameZh: "某", nameEn: "X", parentId: null, headId: null })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses to deactivate a department that still has people, with a translatable code", async () => {
    const quality = await opened.db.department.findUniqueOrThrow({ where: { code: "quality" } });
    await expect(setDepartmentActive(opened.db, admin, quality.id, false)).rejects.toMatchObject({ code: "department_not_empty" });
  });

  it("refuses a head who already heads another department, on the head field", async () => {
    const quality = await opened.db.department.findUniqueOrThrow({ where: { code: "quality" } });
    const liuyangRow = await opened.db.employee.findUniqueOrThrow({ where: { username: "liuyang" } });
    await expect(
      updateDepartment(opened.db, admin, { id: quality.id, code: quality.code, nameZh: quality.nameZh, nameEn: quality.nameEn, parentId: quality.parentId, headId: liuyangRow.id }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { headId: "validation.taken" } });
  });

  it("every department mutation writes an audit row", async () => {
    const hq = await opened.db.department.findUniqueOrThrow({ where: { code: "hq" } });
    const d = await createDepartment(opened.db, admin, { code: "it", nameZh: "信息部", nameEn: "IT", parentId: hq.id, headId: null });
    await updateDepartment(opened.db, admin, { id: d.id, code: "it", nameZh: "信息技术部", nameEn: "IT", parentId: hq.id, headId: null });
    await setDepartmentActive(opened.db, admin, d.id, false);
    await setDepartmentActive(opened.db, admin, d.id, true);
    const rows = await opened.db.auditLog.findMany({ where: { entity: "Department", entityId: d.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["department.create", "department.update", "department.deactivate", "department.activate"]);
    expect(rows.every((r) => r.actorId === admin.id)).toBe(true);
    const tree = await listDepartments(opened.db, admin);
    expect(tree.find((t) => t.code === "it")).toMatchObject({ nameZh: "信息技术部", depth: 1, people: 0 });
  });
});
