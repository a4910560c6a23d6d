import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import type { EmployeeActor } from "@/lib/auth/actor";
import { DEMO_PASSWORD, seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { listSupplierUsers } from "./list-supplier-users";
import { createSupplierUser, setSupplierUserActive } from "./supplier-accounts";
import { supplierUserInput } from "./supplier.schema";

const kinds = await dbKinds();

describe.each(kinds)("supplier portal accounts on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let liuyang: EmployeeActor;
  let sunli: EmployeeActor;
  const as = async (username: string) => {
    const e = await opened.db.employee.findUniqueOrThrow({ where: { username } });
    return (await loadEmployeeActor(e.id, opened.db))!;
  };

  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    [liuyang, sunli] = await Promise.all([as("liuyang"), as("sunli")]);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("lists every portal account with its supplier, or those of one supplier", async () => {
    const all = await listSupplierUsers(opened.db, liuyang);
    expect(all.users.map((u) => u.username)).toEqual(["supplier1", "supplier2"]);
    expect(all.suppliers.map((s) => [s.code, s.userCount])).toEqual([["S001", 1], ["S002", 1]]);
    const s2 = all.suppliers[1];
    const one = await listSupplierUsers(opened.db, liuyang, { supplierId: s2.id });
    expect(one.users.map((u) => u.supplier.code)).toEqual(["S002"]);
    const junk = await listSupplierUsers(opened.db, liuyang, { supplierId: "'; drop table" });
    expect(junk.supplierId).toBeNull();
    expect(junk.users).toHaveLength(2);
  });

  it("a sales employee may not list or create portal accounts", async () => {
    const s = await opened.db.supplier.findFirstOrThrow();
    await expect(listSupplierUsers(opened.db, sunli)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createSupplierUser(opened.db, sunli, { supplierId: s.id, username: "x1", name: "X", password: DEMO_PASSWORD })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("creating and (de)activating an account each write an audit row, without the password", async () => {
    const s = await opened.db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    // The server action has already parsed the input once (empty email is null by then).
    const u = await createSupplierUser(opened.db, liuyang, supplierUserInput.parse({ supplierId: s.id, username: "S1-Buyer", name: "钱二", email: "", password: "Portal@2026" }));
    expect(u).toMatchObject({ username: "s1-buyer", email: null });
    await setSupplierUserActive(opened.db, liuyang, u.id, false);
    await setSupplierUserActive(opened.db, liuyang, u.id, true);
    const rows = await opened.db.auditLog.findMany({ where: { entity: "SupplierUser", entityId: u.id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["supplier_user.create", "supplier_user.deactivate", "supplier_user.activate"]);
    expect(JSON.stringify(rows)).not.toContain("Portal@2026");
    await expect(createSupplierUser(opened.db, liuyang, { supplierId: s.id, username: "s1-buyer", name: "重复", password: DEMO_PASSWORD })).rejects.toMatchObject({ code: "duplicate", fieldErrors: { username: "validation.taken" } });
  });
});
