import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import type { EmployeeActor } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { listGroups } from "./list-groups";
import { createGroup, setGroupActive, setGroupMembers, updateGroup } from "./save-group";

const kinds = await dbKinds();

describe.each(kinds)("group administration on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let admin: EmployeeActor;
  let liuyang: EmployeeActor;
  let sunli: EmployeeActor;
  const as = async (username: string) => {
    const e = await opened.db.employee.findUniqueOrThrow({ where: { username } });
    return (await loadEmployeeActor(e.id, opened.db))!;
  };
  const idOf = async (username: string) => (await opened.db.employee.findUniqueOrThrow({ where: { username } })).id;

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    [admin, liuyang, sunli] = await Promise.all([as("admin"), as("liuyang"), as("sunli")]);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("lists groups with their active member counts", async () => {
    const groups = await listGroups(opened.db, liuyang);
    expect(groups.map((g) => g.key)).toEqual([...groups.map((g) => g.key)].sort());
    const purchasing = groups.find((g) => g.key === "purchasing")!;
    expect(purchasing.memberCount).toBe(2);
    expect(purchasing.memberIds.sort()).toEqual([await idOf("liuyang"), await idOf("lina")].sort());
  });

  it("refuses viewers without org.view, and group changes by non-admins", async () => {
    await expect(listGroups(opened.db, sunli)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createGroup(opened.db, liuyang, { key: "x", nameZh: "某", nameEn: "X" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("every group mutation writes an audit row; the member count follows", async () => {
    const g = await createGroup(opened.db, admin, { key: "night_shift", nameZh: "夜班", nameEn: "Night shift" });
    await updateGroup(opened.db, admin, { id: g.id, key: "night_shift", nameZh: "夜班组", nameEn: "Night shift" });
    await setGroupMembers(opened.db, admin, { id: g.id, employeeIds: [await idOf("xuming"), await idOf("zhaoqiang")] });
    await setGroupActive(opened.db, admin, g.id, false);
    await setGroupActive(opened.db, admin, g.id, true);
    const rows = await opened.db.auditLog.findMany({ where: { entity: "Group", entityId: g.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["group.create", "group.update", "group.members", "group.deactivate", "group.activate"]);
    const listed = (await listGroups(opened.db, admin)).find((x) => x.key === "night_shift")!;
    expect(listed).toMatchObject({ nameZh: "夜班组", memberCount: 2, active: true });
  });
});
