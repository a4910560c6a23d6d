import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Translate } from "@/lib/errors/translate-error";
import { loadMessages } from "@/lib/i18n/messages";
import { exportSuppliers } from "@/lib/srm/export-suppliers";
import { getSupplierArchive } from "@/lib/srm/get-supplier-archive";
import { listPurchaseOrders } from "@/lib/srm/list-purchasing";
import { registerSupplier } from "@/lib/srm/register-supplier";
import { parseSrmListQuery } from "@/lib/srm/srm-lists.schema";
import { supplierListWhere } from "@/lib/srm/supplier-list-where";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { supplierUser } from "@/test/workflow-fixtures";
import { customEntries } from "./format-custom-values";
import { listCustomFields, loadCustomFields } from "./list-custom-fields";
import { customFilterCondition } from "./list-filters";
import { createCustomField, moveCustomField, setCustomFieldActive, updateCustomField } from "./save-custom-field";
import { updateCustomValues } from "./update-custom-values";

const kinds = await dbKinds();
const words = { yes: "是", no: "否" };

const GRADE = {
  entity: "supplier",
  key: "grade",
  type: "select",
  labelZh: "供应商等级",
  labelEn: "Supplier grade",
  inList: true,
  options: [
    { value: "A", labelZh: "A 级", labelEn: "Grade A" },
    { value: "B", labelZh: "B 级", labelEn: "" },
    { value: "C", labelZh: "C 级", labelEn: "Grade C" },
  ],
};
const CAPACITY = { entity: "supplier", key: "annualCapacity", type: "number", labelZh: "年产能（吨）", labelEn: "Annual capacity (t)", required: true };
const form = (code: string, name: string, custom?: unknown) => ({ code, name, taxCode: "VAT13", paymentTermCode: "NET30", contactName: "周明", custom });

describe.each(kinds)("custom fields on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  const suppliersWhere = async (params: Record<string, string>) =>
    (await t.db.supplier.findMany({ where: await supplierListWhere(t.db, parseSrmListQuery({ tab: "suppliers", ...params })), orderBy: { code: "asc" }, select: { code: true } })).map((s) => s.code);

  it("an administrator adds, changes, orders and switches fields off; each change is audited", async () => {
    const admin = await t.actor("admin");
    const grade = await createCustomField(t.db, admin, GRADE);
    const capacity = await createCustomField(t.db, admin, CAPACITY);
    const certified = await createCustomField(t.db, admin, { entity: "supplier", key: "certified", type: "boolean", labelZh: "已认证", labelEn: "Certified", inList: true, options: [{ value: "x", labelZh: "ignored" }] });
    const remark = await createCustomField(t.db, admin, { entity: "supplier", key: "remark", type: "text", labelZh: "备注", labelEn: "Remark", inList: true });
    Object.assign(ids, { grade: grade.id, capacity: capacity.id, certified: certified.id, remark: remark.id });
    expect(grade).toMatchObject({ key: "grade", type: "select", active: true, inList: true, required: false, position: 0 });
    // An empty English label falls back to the Chinese one; options belong to choice lists only.
    expect(grade.options[1]).toEqual({ value: "B", labelZh: "B 级", labelEn: "B 级" });
    expect(certified.options).toEqual([]);
    expect((await listCustomFields(t.db, admin, "supplier")).map((f) => [f.key, f.position])).toEqual([["grade", 0], ["annualCapacity", 1], ["certified", 2], ["remark", 3]]);

    await updateCustomField(t.db, admin, { id: grade.id, labelZh: "供应商等级", labelEn: "Supplier grade", inList: true, required: false, options: [...GRADE.options.slice(0, 2), { value: "C", labelZh: "C 级（观察）", labelEn: "Grade C" }] });
    await moveCustomField(t.db, admin, { id: remark.id, direction: "up" });
    await moveCustomField(t.db, admin, { id: grade.id, direction: "up" }); // already first: nothing moves
    expect((await loadCustomFields(t.db, "supplier")).map((f) => f.key)).toEqual(["grade", "annualCapacity", "remark", "certified"]);
    expect((await loadCustomFields(t.db, "supplier"))[0].options[2].labelZh).toBe("C 级（观察）");

    const off = await setCustomFieldActive(t.db, admin, { id: certified.id, active: false });
    expect(off.active).toBe(false);
    await setCustomFieldActive(t.db, admin, { id: certified.id, active: true });
    const audit = await t.db.auditLog.findMany({ where: { entity: "CustomField" }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true, actorId: true, entityId: true } });
    expect(audit.map((a) => a.action)).toEqual(["custom_field.create", "custom_field.create", "custom_field.create", "custom_field.create", "custom_field.update", "custom_field.move", "custom_field.deactivate", "custom_field.activate"]);
    expect(new Set(audit.map((a) => a.actorId))).toEqual(new Set([admin.id]));
  });

  it("keys are unique per record type and valid identifiers; choice lists need options; administration only", async () => {
    const admin = await t.actor("admin");
    const audits = await t.db.auditLog.count();
    await expect(createCustomField(t.db, admin, { ...GRADE, labelZh: "另一个" })).rejects.toMatchObject({ code: "custom_field_key_taken", fieldErrors: { key: "errors.custom_field_key_taken" } });
    await expect(createCustomField(t.db, admin, { ...GRADE, key: "1grade", labelZh: "" })).rejects.toMatchObject({ code: "validation", fieldErrors: { key: "validation.custom_field_key_format", labelZh: "validation.required" } });
    await expect(createCustomField(t.db, admin, { ...GRADE, key: "level", options: [] })).rejects.toMatchObject({ fieldErrors: { options: "validation.options_required" } });
    await expect(createCustomField(t.db, admin, { ...GRADE, key: "level", options: [GRADE.options[0], GRADE.options[0]] })).rejects.toMatchObject({ fieldErrors: { options: "validation.option_duplicate" } });
    await expect(createCustomField(t.db, admin, { ...GRADE, entity: "warehouse" })).rejects.toMatchObject({ fieldErrors: { entity: expect.any(String) } });
    await expect(updateCustomField(t.db, admin, { id: "00000000-0000-4000-8000-000000000000", labelZh: "x", labelEn: "x" })).rejects.toMatchObject({ code: "custom_field_unknown" });
    for (const who of [await t.actor("lina"), await supplierUser(t.db, "supplier1")]) {
      await expect(createCustomField(t.db, who, { ...GRADE, key: "other" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(setCustomFieldActive(t.db, who, { id: ids.grade, active: false })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await t.db.auditLog.count()).toBe(audits);
    // The same key on another record type is another field.
    const po = await createCustomField(t.db, admin, { ...GRADE, entity: "purchase_order", labelZh: "订单等级" });
    ids.orderGrade = po.id;
  });

  it("registration stores the values in Supplier.custom with the supplier; bad values are refused field by field and nothing is written", async () => {
    const lina = await t.actor("lina");
    const s = await registerSupplier(t.db, lina, form("S500", "常州精工模具有限公司", { grade: "A", annualCapacity: "1,200", certified: "true", remark: "  三班倒  ", unknown: "dropped" }));
    expect(s.custom).toEqual({ grade: "A", annualCapacity: 1200, certified: true, remark: "三班倒" });
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: s.id } })).custom).toEqual({ grade: "A", annualCapacity: 1200, certified: true, remark: "三班倒" });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Supplier", entityId: s.id, action: "supplier.register" } });
    expect((audit.after as { custom: unknown }).custom).toEqual({ grade: "A", annualCapacity: 1200, certified: true, remark: "三班倒" });
    await registerSupplier(t.db, lina, form("S501", "宁波精密铸件有限公司", { grade: "B", annualCapacity: 800, certified: false, remark: "Night shift" }));
    await registerSupplier(t.db, lina, form("S502", "无锡标准件厂", { grade: "A", annualCapacity: 50 }));

    const before = { suppliers: await t.db.supplier.count(), audits: await t.db.auditLog.count() };
    // The base fields' and the custom fields' problems come together.
    await expect(registerSupplier(t.db, lina, form("S 9", "新公司", { grade: "D" }))).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { code: "validation.code_format", "custom.grade": "validation.invalid_option", "custom.annualCapacity": "validation.required" },
    });
    // What a browser would never send, straight to the use-case.
    const sent: [unknown, Record<string, string>][] = [
      [["A", 1200], { custom: "validation.invalid_value" }],
      ["grade=A", { custom: "validation.invalid_value" }],
      [{ grade: ["A"], annualCapacity: { $gt: 0 } }, { "custom.grade": "validation.invalid_option", "custom.annualCapacity": "validation.not_a_number" }],
      [{ grade: "A", annualCapacity: "1\u00002", remark: "x".repeat(1_000_000) }, { "custom.remark": "validation.too_long?max=200" }],
      [{ grade: "A", annualCapacity: 1e300 }, { "custom.annualCapacity": "validation.number_out_of_range" }],
      [{ grade: "A", annualCapacity: 5, certified: "maybe" }, { "custom.certified": "validation.invalid_value" }],
      [null, { "custom.annualCapacity": "validation.required" }],
    ];
    for (const [custom, fieldErrors] of sent) {
      await expect(registerSupplier(t.db, lina, form("S509", "新公司", custom)), JSON.stringify(custom)?.slice(0, 80)).rejects.toMatchObject({ code: "validation", fieldErrors });
    }
    expect({ suppliers: await t.db.supplier.count(), audits: await t.db.auditLog.count() }).toEqual(before);
    // NUL is taken out of text as everywhere else, not refused.
    const nul = await registerSupplier(t.db, lina, form("S503", "苏州\u0000新材料有限公司", { grade: "C", annualCapacity: "7", remark: "a\u0000b" }));
    expect(nul.custom).toEqual({ grade: "C", annualCapacity: 7, remark: "ab" });
  });

  it("the supplier list filters by containment (custom @> {...}) and its search matches listed custom text and options", async () => {
    expect(await suppliersWhere({ cf_grade: "A" })).toEqual(["S500", "S502"]);
    expect(await suppliersWhere({ cf_grade: "B" })).toEqual(["S501"]);
    expect(await suppliersWhere({ cf_grade: "A", cf_certified: "true" })).toEqual(["S500"]);
    expect(await suppliersWhere({ cf_certified: "false" })).toEqual(["S501"]);
    expect(await suppliersWhere({ cf_grade: "A", status: "registered", q: "无锡" })).toEqual(["S502"]);
    // Unknown options, unknown fields and fields not shown in the list filter nothing.
    const all = await suppliersWhere({});
    expect(all).toEqual(["S001", "S002", "S500", "S501", "S502", "S503"]);
    const ignoredFilters: Record<string, string>[] = [{ cf_grade: "Z" }, { cf_nope: "A" }, { cf_annualCapacity: "1200" }, { cf_certified: "yes" }];
    for (const ignored of ignoredFilters) expect(await suppliersWhere(ignored)).toEqual(all);
    // Search: listed text fields (any case) and option labels.
    expect(await suppliersWhere({ q: "night" })).toEqual(["S501"]);
    expect(await suppliersWhere({ q: "三班" })).toEqual(["S500"]);
    expect(await suppliersWhere({ q: "C 级" })).toEqual(["S503"]);
    // Past the by-id limit the same filter runs through the JSON paths, with the same rows.
    const fields = await loadCustomFields(t.db, "supplier");
    const viaPaths = await customFilterCondition(t.db, "supplier", fields, { grade: "A", certified: "true" }, 0);
    expect(viaPaths).toEqual({ AND: [{ custom: { path: ["grade"], equals: "A" } }, { custom: { path: ["certified"], equals: true } }] });
    expect((await t.db.supplier.findMany({ where: viaPaths!, select: { code: true } })).map((s) => s.code)).toEqual(["S500"]);
    // The containment query can use the GIN index (forced here: the table is too small for the planner to want it).
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT "id" FROM "Supplier" WHERE "custom" @> '{"grade":"A"}'::jsonb`);
    });
    expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toMatch(/Index Scan on "?Supplier_custom_idx"?/);
  });

  it("a switched-off field leaves the forms and lists; its values stay readable and are kept when others change", async () => {
    const admin = await t.actor("admin");
    const lina = await t.actor("lina");
    await setCustomFieldActive(t.db, admin, { id: ids.grade, active: false });
    const s500 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S500" } });
    // Registration neither asks for it nor takes it.
    const s504 = await registerSupplier(t.db, lina, form("S504", "南通机电有限公司", { grade: "A", annualCapacity: 1 }));
    expect(s504.custom).toEqual({ annualCapacity: 1 });
    // Its filter no longer applies; the archive still shows its value, marked.
    expect(await suppliersWhere({ cf_grade: "A" })).toHaveLength(7);
    const archive = await getSupplierArchive(t.db, lina, s500.id);
    expect(customEntries(archive.customFields, archive.supplier.custom, "zh-CN", words).map((e) => [e.label, e.text, e.active])).toEqual([
      ["供应商等级", "A 级", false],
      ["年产能（吨）", "1,200", true],
      ["备注", "三班倒", true],
      ["已认证", "是", true],
    ]);
    // A change of the other values keeps it as it is, and the audit row names only what changed.
    await updateCustomValues(t.db, lina, "supplier", { id: s500.id, custom: { grade: "C", annualCapacity: "1500", remark: "三班倒", certified: "true" } });
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: s500.id } })).custom).toEqual({ grade: "A", annualCapacity: 1500, remark: "三班倒", certified: true });
    const change = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Supplier", entityId: s500.id, action: "supplier.custom_update" } });
    expect([change.actorId, change.before, change.after]).toEqual([lina.id, { custom: { annualCapacity: 1200 } }, { custom: { annualCapacity: 1500 } }]);
    // The archive's history shows the change by label.
    const history = (await getSupplierArchive(t.db, lina, s500.id)).history.find((h) => h.action === "supplier.custom_update");
    expect(history?.customChange).toEqual({ before: { custom: { annualCapacity: 1200 } }, after: { custom: { annualCapacity: 1500 } } });
    // Nothing changed: nothing written. Bad values: refused. Others: forbidden; an unknown record: not found.
    const audits = await t.db.auditLog.count();
    await updateCustomValues(t.db, lina, "supplier", { id: s500.id, custom: { annualCapacity: 1500, remark: "三班倒", certified: true } });
    await expect(updateCustomValues(t.db, lina, "supplier", { id: s500.id, custom: { annualCapacity: "" } })).rejects.toMatchObject({ fieldErrors: { "custom.annualCapacity": "validation.required" } });
    await expect(updateCustomValues(t.db, lina, "supplier", { id: s500.id, custom: [] })).rejects.toMatchObject({ fieldErrors: { custom: "validation.invalid_value" } });
    await expect(updateCustomValues(t.db, await t.actor("zhaoqiang"), "supplier", { id: s500.id, custom: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateCustomValues(t.db, lina, "supplier", { id: "00000000-0000-4000-8000-000000000000", custom: { annualCapacity: 1 } })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateCustomValues(t.db, lina, "supplier", { id: "nope", custom: {} })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.auditLog.count()).toBe(audits);
    // Switched on again, its values are there as they were.
    await setCustomFieldActive(t.db, admin, { id: ids.grade, active: true });
    expect(await suppliersWhere({ cf_grade: "A" })).toEqual(["S500", "S502"]);
  });

  it("purchase orders carry custom values: shown on their rows, filtered the same way", async () => {
    const lina = await t.actor("lina");
    const order = await t.db.purchaseOrder.findFirstOrThrow({ where: { supplier: { code: "S001" } } });
    await updateCustomValues(t.db, lina, "purchase_order", { id: order.id, custom: { grade: "B" } });
    const q = (params: Record<string, string>) => listPurchaseOrders(t.db, lina, parseSrmListQuery(params));
    const filtered = await q({ cf_grade: "B" });
    expect(filtered.rows.map((r) => [r.number, r.custom])).toEqual([[order.number, { grade: "B" }]]);
    expect((await q({ cf_grade: "A" })).total).toBe(0);
    expect((await q({})).rows.find((r) => r.id === order.id)?.custom).toEqual({ grade: "B" });
    expect(await t.db.auditLog.count({ where: { entity: "PurchaseOrder", entityId: order.id, action: "purchase_order.custom_update" } })).toBe(1);
    // Entering orders' values is for purchase_order.manage.
    await expect(updateCustomValues(t.db, await t.actor("zhaoqiang"), "purchase_order", { id: order.id, custom: { grade: "A" } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("exports the filtered supplier list to Excel with the custom fields as columns, in the reader's language", async () => {
    const messages = await loadMessages("zh-CN");
    const tr = createTranslator({ locale: "zh-CN", messages }) as unknown as Translate;
    const stream = await exportSuppliers(t.db, await t.actor("zhaoqiang"), parseSrmListQuery({ tab: "suppliers", cf_grade: "A" }), { locale: "zh-CN", t: tr });
    const book = new ExcelJS.Workbook();
    await book.xlsx.read(Readable.fromWeb(stream as never));
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["编码", "名称", "状态", "联系人", "联系电话", "税码", "付款条件", "地址", "供应商等级", "年产能（吨）", "备注", "已认证"]);
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[2], r[8], r[9], r[11]])).toEqual([
      ["S500", "已登记", "A 级", 1500, "是"],
      ["S502", "已登记", "A 级", 50, undefined],
    ]);
    await expect(exportSuppliers(t.db, await t.actor("sunli"), parseSrmListQuery({ tab: "suppliers" }), { locale: "zh-CN", t: tr })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportSuppliers(t.db, null, parseSrmListQuery({ tab: "suppliers" }), { locale: "zh-CN", t: tr })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
