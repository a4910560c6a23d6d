import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/sign-in";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import { applyMigrations } from "@/lib/db/migrate";
import { DEMO_PASSWORD, seedDemo } from "@/lib/demo/seed";
import { setEmployeeActive } from "@/lib/org/save-employee";
import { openAdapter } from "@/lib/db/adapter";
import { dbKinds, freshDb } from "./db";

const kinds = await dbKinds();

describe.each(kinds)("foundation on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;

  beforeAll(async () => {
    opened = await freshDb(kind);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("applies every migration on an empty database, and again applies nothing", async () => {
    expect(opened.appliedMigrations.length).toBeGreaterThan(0);
    const handle = await openAdapter(opened.config.mode === "postgresql" ? opened.config : { mode: "pglite", dataDir: "memory://" });
    try {
      if (opened.config.mode === "postgresql") {
        expect(await applyMigrations(handle.factory)).toEqual([]);
      } else {
        // A second in-memory database: first run applies all, second run none.
        expect((await applyMigrations(handle.factory)).length).toBe(opened.appliedMigrations.length);
        expect(await applyMigrations(handle.factory)).toEqual([]);
      }
    } finally {
      await handle.close();
    }
    const rows = await opened.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`;
    expect(Number(rows[0].n)).toBe(opened.appliedMigrations.length);
  });

  it("seeds the demo twice without duplicates", async () => {
    await seedDemo(opened.db);
    const counts = async () => ({
      departments: await opened.db.department.count(),
      employees: await opened.db.employee.count(),
      groups: await opened.db.group.count(),
      roles: await opened.db.role.count(),
      suppliers: await opened.db.supplier.count(),
      supplierUsers: await opened.db.supplierUser.count(),
      memberships: await opened.db.groupMember.count(),
    });
    const first = await counts();
    expect(first.departments).toBe(10);
    expect(first.suppliers).toBe(2);
    expect(first.supplierUsers).toBe(2);
    expect(first.employees).toBeGreaterThanOrEqual(10);
    const auditAfterFirst = await opened.db.auditLog.count();
    expect(auditAfterFirst).toBeGreaterThan(first.employees);
    await seedDemo(opened.db);
    expect(await counts()).toEqual(first);
    expect(await opened.db.auditLog.count()).toBe(auditAfterFirst);
  });

  it("a deactivated employee cannot sign in, and an open session stops resolving", async () => {
    const ok = await signIn(opened.db, { realm: "employee", username: "lina", password: DEMO_PASSWORD, ip: "10.9.0.1" });
    const admin = await loadEmployeeActor((await opened.db.employee.findUniqueOrThrow({ where: { username: "admin" } })).id, opened.db);
    await setEmployeeActive(opened.db, admin!, ok.id, false);
    await expect(signIn(opened.db, { realm: "employee", username: "lina", password: DEMO_PASSWORD, ip: "10.9.0.1" })).rejects.toMatchObject({ code: "account_inactive" });
    expect(await loadEmployeeActor(ok.id, opened.db)).toBeNull();
    const audit = await opened.db.auditLog.findFirst({ where: { action: "employee.deactivate", entityId: ok.id } });
    expect(audit?.actorId).toBe(admin!.id);
    await setEmployeeActive(opened.db, admin!, ok.id, true);
    await expect(signIn(opened.db, { realm: "employee", username: "lina", password: DEMO_PASSWORD, ip: "10.9.0.1" })).resolves.toMatchObject({ id: ok.id });
  });

  it("an employee password does not open the supplier realm, and the other way round", async () => {
    await expect(signIn(opened.db, { realm: "supplier", username: "admin", password: DEMO_PASSWORD, ip: "10.9.0.2" })).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(signIn(opened.db, { realm: "employee", username: "supplier1", password: DEMO_PASSWORD, ip: "10.9.0.2" })).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(signIn(opened.db, { realm: "supplier", username: "supplier1", password: DEMO_PASSWORD, ip: "10.9.0.2" })).resolves.toHaveProperty("id");
  });

  it("secret columns are omitted unless asked for", async () => {
    const e = await opened.db.employee.findUniqueOrThrow({ where: { username: "admin" } });
    expect(e).not.toHaveProperty("passwordHash");
  });
});
