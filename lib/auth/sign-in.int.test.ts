import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { hashPassword } from "./password";
import { signIn } from "./sign-in";

// A portal account the re-review created is closed until the supplier is approved:
// its user is told so, but only once the password proved who is asking.
const kinds = await dbKinds();

describe.each(kinds)("signing in to the portal with an account that awaits approval, on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let ip = 0;
  const attempt = (username: string, password: string) => signIn(opened.db, { realm: "supplier", username, password, ip: `10.8.0.${++ip}` });
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    const passwordHash = await hashPassword("Pending@2026");
    const potential = await opened.db.supplier.create({ data: { code: "S520", name: "常州轴承厂", status: "potential" } });
    await opened.db.supplierUser.create({ data: { supplierId: potential.id, username: "s520", name: "陆明", passwordHash, active: false } });
    const active = await opened.db.supplier.findUniqueOrThrow({ where: { code: "S002" } });
    await opened.db.supplierUser.create({ data: { supplierId: active.id, username: "s002-off", name: "停用", passwordHash, active: false } });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("is told the account is not open yet while the supplier's review is under way", async () => {
    await expect(attempt("s520", "Pending@2026")).rejects.toMatchObject({ code: "account_pending" });
  });

  it("learns nothing without the password", async () => {
    await expect(attempt("s520", "wrong-password")).rejects.toMatchObject({ code: "invalid_credentials" });
  });

  it("an approved supplier's deactivated account is still deactivated", async () => {
    await expect(attempt("s002-off", "Pending@2026")).rejects.toMatchObject({ code: "account_inactive" });
  });
});
