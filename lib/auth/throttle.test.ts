import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb } from "@/test/db";
import { DEMO_PASSWORD, seedDemo } from "../demo/seed";
import { signIn } from "./sign-in";
import { THROTTLE } from "./throttle";

describe("sign-in throttling (PGlite)", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb("pglite");
    await seedDemo(opened.db);
  });
  afterAll(() => opened?.close());

  const attempt = (username: string, password: string, ip: string, realm: "employee" | "supplier" = "employee") =>
    signIn(opened.db, { realm, username, password, ip });

  it("blocks an account after its failures, even with the right password, with the wait in minutes", async () => {
    for (let i = 0; i < THROTTLE.perAccount.points; i++) {
      await expect(attempt("yangfan", "wrong", `10.1.0.${i}`)).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(attempt("yangfan", DEMO_PASSWORD, "10.1.1.1")).rejects.toMatchObject({ code: "throttled", params: { minutes: 15 } });
    const failures = await opened.db.auditLog.count({ where: { action: "auth.sign_in_failed" } });
    expect(failures).toBe(THROTTLE.perAccount.points);
  });

  it("counts accounts per realm: a blocked employee name does not block the portal", async () => {
    await expect(attempt("yangfan", DEMO_PASSWORD, "10.1.1.2", "supplier")).rejects.toMatchObject({ code: "invalid_credentials" });
  });

  it("a success clears the account's count", async () => {
    for (let i = 0; i < THROTTLE.perAccount.points - 1; i++) await expect(attempt("wumin", "wrong", "10.2.0.1")).rejects.toBeTruthy();
    await expect(attempt("wumin", DEMO_PASSWORD, "10.2.0.1")).resolves.toHaveProperty("id");
    for (let i = 0; i < THROTTLE.perAccount.points - 1; i++) await expect(attempt("wumin", "wrong", "10.2.0.1")).rejects.toMatchObject({ code: "invalid_credentials" });
  });

  it("blocks an address that tries many accounts", async () => {
    const ip = "10.3.0.1";
    for (let i = 0; i < THROTTLE.perIp.points; i++) {
      await expect(attempt(`nobody${i}`, "wrong", ip)).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(attempt("zhenghao", DEMO_PASSWORD, ip)).rejects.toMatchObject({ code: "throttled" });
    await expect(attempt("zhenghao", DEMO_PASSWORD, "10.3.0.2")).resolves.toHaveProperty("id");
  });
});
