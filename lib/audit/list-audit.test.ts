import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import type { EmployeeActor } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { setEmployeeActive } from "@/lib/org/save-employee";
import { dbKinds, freshDb } from "@/test/db";
import { listAudit, parseAuditQuery } from "./list-audit";

const kinds = await dbKinds();

describe.each(kinds)("audit log viewer on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let admin: EmployeeActor;
  const as = async (username: string) => {
    const e = await opened.db.employee.findUniqueOrThrow({ where: { username } });
    return (await loadEmployeeActor(e.id, opened.db))!;
  };
  const q = (params: Record<string, string> = {}) => parseAuditQuery(params);

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    admin = await as("admin");
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("only holders of audit.view may read it: not sales, not a department admin", async () => {
    await expect(listAudit(opened.db, await as("sunli"), q())).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAudit(opened.db, await as("liuyang"), q())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("pages newest first and names the actor", async () => {
    const lina = await opened.db.employee.findUniqueOrThrow({ where: { username: "lina" } });
    await setEmployeeActive(opened.db, admin, lina.id, false);
    const total = await opened.db.auditLog.count();
    const first = await listAudit(opened.db, admin, q(), 10);
    expect(first.total).toBe(total);
    expect(first.pageCount).toBe(Math.ceil(total / 10));
    expect(first.rows).toHaveLength(10);
    expect(first.rows[0]).toMatchObject({ action: "employee.deactivate", entityId: lina.id, actorName: "王磊 (admin)", after: { active: false } });
    const times = first.rows.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const last = await listAudit(opened.db, admin, q({ page: "999" }), 10);
    expect(last.page).toBe(last.pageCount);
    expect(last.rows).toHaveLength(total - (last.pageCount - 1) * 10);
    const seen = new Set([...first.rows, ...last.rows].map((r) => r.id));
    expect(seen.size).toBe(first.rows.length + last.rows.length);
  });

  it("filters by entity and action and offers the values present as choices", async () => {
    const all = await listAudit(opened.db, admin, q());
    expect(all.entities).toEqual(expect.arrayContaining(["Department", "Employee", "Group", "Role", "Supplier", "SupplierUser"]));
    const depts = await listAudit(opened.db, admin, q({ entity: "Department" }), 100);
    expect(depts.rows.length).toBeGreaterThan(0);
    expect(depts.rows.every((r) => r.entity === "Department")).toBe(true);
    expect(depts.actions).toEqual(["department.create", "department.update"]);
    const creates = await listAudit(opened.db, admin, q({ entity: "Department", action: "department.create" }), 100);
    expect(creates.total).toBe(10);
    // Role rows were written by the system actor, which has no name to show.
    const roles = await listAudit(opened.db, admin, q({ entity: "Role" }));
    expect(roles.rows.every((r) => r.actorRealm === "system" && r.actorName === null)).toBe(true);
    const none = await listAudit(opened.db, admin, q({ entity: "NoSuchThing" }));
    expect(none).toMatchObject({ total: 0, page: 1, rows: [] });
  });
});
