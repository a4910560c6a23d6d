import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomField } from "@/lib/custom-fields/save-custom-field";
import { evaluateFeel } from "@/lib/workflow/expressions";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { INITIAL_REVIEW } from "./initial-review";
import { listSuppliers } from "./list-suppliers";
import { RE_REVIEW, startReReview } from "./re-review";
import { registerSupplier } from "./register-supplier";
import { parseSrmListQuery } from "./srm-lists.schema";

const kinds = await dbKinds();
const form = (code: string, name: string, custom: unknown) => ({ code, name, taxCode: "VAT13", paymentTermCode: "NET30", contactName: "周明", custom });

describe.each(kinds)("suppliers' custom fields in the list and in their review flows on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
    const admin = await t.actor("admin");
    await createCustomField(t.db, admin, { entity: "supplier", key: "grade", type: "select", labelZh: "供应商等级", labelEn: "Grade", inList: true, options: [{ value: "A", labelZh: "A 级" }, { value: "B", labelZh: "B 级" }] });
    await createCustomField(t.db, admin, { entity: "supplier", key: "annualCapacity", type: "number", labelZh: "年产能（吨）", labelEn: "Annual capacity (t)", required: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the supplier list filters by containment and returns the custom values of its rows", async () => {
    const lina = await t.actor("lina");
    await registerSupplier(t.db, lina, form("S600", "常州精工模具有限公司", { grade: "A", annualCapacity: 1200 }));
    await registerSupplier(t.db, lina, form("S601", "宁波精密铸件有限公司", { grade: "B", annualCapacity: 300 }));
    const list = await listSuppliers(t.db, lina, parseSrmListQuery({ tab: "suppliers", cf_grade: "A" }));
    expect(list.rows.map((r) => [r.code, r.custom])).toEqual([["S600", { grade: "A", annualCapacity: 1200 }]]);
    expect(list.total).toBe(1);
    expect((await listSuppliers(t.db, lina, parseSrmListQuery({ tab: "suppliers", cf_grade: "B", q: "宁波" }))).rows.map((r) => r.code)).toEqual(["S601"]);
    expect((await listSuppliers(t.db, lina, parseSrmListQuery({ tab: "suppliers" }))).total).toBe(4);
  });

  it("the initial review and the re-review get the values as the variable `custom`, for gateways", async () => {
    const instanceOf = async (key: string, code: string) => {
      const i = await t.db.processInstance.findFirstOrThrow({ where: { businessKey: code, definition: { key } } });
      return i.variables as Record<string, unknown>;
    };
    const vars = await instanceOf(INITIAL_REVIEW.key, "S600");
    expect(vars.custom).toEqual({ grade: "A", annualCapacity: 1200 });
    expect(evaluateFeel("custom.annualCapacity > 1000", vars)).toBe(true);
    expect(evaluateFeel('custom.grade = "A"', vars)).toBe(true);
    expect(evaluateFeel("custom.annualCapacity > 1000", await instanceOf(INITIAL_REVIEW.key, "S601"))).toBe(false);

    const s = await t.db.supplier.update({ where: { code: "S601" }, data: { status: "potential" } });
    const lead = await t.actor("liuyang");
    await t.db.storedFile.create({ data: { storageKey: randomUUID(), name: "营业执照.pdf", contentType: "application/pdf", size: 1, sha256: "x", ownerType: "Supplier", ownerId: s.id, supplierId: s.id, uploadedBy: lead.id, uploadRealm: "employee" } });
    await startReReview(t.db, lead, { supplierId: s.id, username: "s601", name: "周明" });
    expect((await instanceOf(RE_REVIEW.key, "S601")).custom).toEqual({ grade: "B", annualCapacity: 300 });
  });
});
