import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { supplierUser } from "@/test/workflow-fixtures";
import { registerSupplier } from "./register-supplier";
import { findSimilarSuppliers } from "./similar-suppliers";

const kinds = await dbKinds();

describe.each(kinds)("supplier registration on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  const valid = { code: "s100", name: "常州精工模具有限公司", taxCode: "VAT13", paymentTermCode: "NET30", contactName: "周明", contactPhone: "0519-1234 5678", address: "" };

  it("records a registered supplier with codes from the master data, and its audit row", async () => {
    const lina = await t.actor("lina");
    const s = await registerSupplier(t.db, lina, valid);
    expect(s).toMatchObject({ code: "S100", status: "registered", taxCode: "VAT13", paymentTermCode: "NET30", address: null, erpId: null });
    const audit = await t.db.auditLog.findMany({ where: { entity: "Supplier", entityId: s.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["supplier.register", lina.id]]);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const lina = await t.actor("lina");
    const before = await t.db.supplier.count();
    const audits = await t.db.auditLog.count();
    await expect(registerSupplier(t.db, lina, { ...valid, code: "S 1", name: " ", contactName: "", taxCode: "" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { code: "validation.code_format", name: "validation.required", contactName: "validation.required", taxCode: "validation.pick_from_list" },
    });
    // Codes that are not in the lists (or not active), and a name already on file (any case).
    await t.db.masterData.update({ where: { kind_code: { kind: "paymentTerm", code: "NET60" } }, data: { active: false } });
    await expect(registerSupplier(t.db, lina, { ...valid, code: "S101", taxCode: "VAT99", paymentTermCode: "NET60" })).rejects.toMatchObject({
      fieldErrors: { taxCode: "validation.pick_from_list", paymentTermCode: "validation.pick_from_list" },
    });
    await t.db.masterData.update({ where: { kind_code: { kind: "paymentTerm", code: "NET60" } }, data: { active: true } });
    await expect(registerSupplier(t.db, lina, { ...valid, code: "S101", name: "苏州精密五金有限公司" })).rejects.toMatchObject({ fieldErrors: { name: "validation.supplier_name_taken" } });
    // A code that is taken (codes are kept in capitals).
    await expect(registerSupplier(t.db, lina, { ...valid, code: "s001", name: "另一家公司" })).rejects.toMatchObject({ fieldErrors: { code: "validation.taken" } });
    await expect(registerSupplier(t.db, lina, null)).rejects.toMatchObject({ code: "validation" });
    expect(await t.db.supplier.count()).toBe(before);
    expect(await t.db.auditLog.count()).toBe(audits);
  });

  it("two registrations of one company at the same moment: one supplier, the other told the name is on file", async () => {
    const [lina, liuyang] = [await t.actor("lina"), await t.actor("liuyang")];
    const results = await Promise.allSettled([
      registerSupplier(t.db, lina, { ...valid, code: "S110", name: "无锡同步精机有限公司" }),
      registerSupplier(t.db, liuyang, { ...valid, code: "S111", name: "无锡同步精机有限公司" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ fieldErrors: { name: "validation.supplier_name_taken" } });
    expect(await t.db.supplier.count({ where: { name: "无锡同步精机有限公司" } })).toBe(1);
  });

  it("is for supplier.manage; similar names are found for srm.view", async () => {
    await expect(registerSupplier(t.db, await t.actor("zhaoqiang"), { ...valid, code: "S102", name: "仓库登记" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(registerSupplier(t.db, await supplierUser(t.db, "supplier1"), { ...valid, code: "S103", name: "门户登记" })).rejects.toMatchObject({ code: "forbidden" });
    const warehouse = await t.actor("zhaoqiang");
    expect((await findSimilarSuppliers(t.db, warehouse, "精密")).map((s) => s.code)).toEqual(["S001"]);
    expect((await findSimilarSuppliers(t.db, warehouse, "s002")).map((s) => s.code)).toEqual(["S002"]);
    expect(await findSimilarSuppliers(t.db, warehouse, "精")).toEqual([]);
    await expect(findSimilarSuppliers(t.db, await t.actor("sunli"), "精密")).rejects.toMatchObject({ code: "forbidden" });
  });
});
