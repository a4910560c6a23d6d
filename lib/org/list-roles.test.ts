import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { listRoleMatrix } from "./list-roles";

const kinds = await dbKinds();

describe.each(kinds)("role matrix on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  const as = async (username: string) => {
    const e = await opened.db.employee.findUniqueOrThrow({ where: { username } });
    return (await loadEmployeeActor(e.id, opened.db))!;
  };

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("is refused to someone who may not view the organisation", async () => {
    await expect(listRoleMatrix(opened.db, await as("sunli"))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the role matrix follows the permission table, with names and member counts from the database", async () => {
    const m = await listRoleMatrix(opened.db, await as("liuyang"));
    expect(m.permissions).toEqual(Object.keys(PERMISSIONS));
    const adminRole = m.roles.find((r) => r.key === "admin")!;
    expect(adminRole).toMatchObject({ nameZh: "系统管理员", nameEn: "Administrator", memberCount: 1 });
    expect(adminRole.permissions).toEqual(Object.keys(PERMISSIONS));
    expect(m.roles.find((r) => r.key === "dept_admin")).toMatchObject({ memberCount: 1, permissions: ["org.view", "org.manage.department"] });
    expect(m.roles.find((r) => r.key === "manager")!.memberCount).toBe(7);
  });
});
