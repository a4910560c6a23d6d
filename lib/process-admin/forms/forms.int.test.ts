import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { translateError, type Translate } from "@/lib/errors/translate-error";
import { loadMessages } from "@/lib/i18n/messages";
import { dbKinds, freshDb } from "@/test/db";
import { employee } from "@/test/workflow-fixtures";
import { checkForm } from "./check-form";
import { diffFormSchemas, diffFormVersions } from "./diff-form-versions";
import { exportFormVersion } from "./export-form";
import { getFormForEditing } from "./get-form-for-editing";
import { importForm } from "./import-form";
import { listFormVersions } from "./list-form-versions";
import { listForms } from "./list-forms";
import { publishForm } from "./publish-form";
import { discardFormDraft, saveFormDraft } from "./save-form-draft";

/** A sample request as the designer writes it: a text, a required number (at least 1), and a reason shown only for large quantities. */
function sampleForm(labels: { quantity?: string } = {}) {
  return {
    type: "default" as const,
    id: "Form_0abc",
    schemaVersion: 19,
    exporter: { name: "factory-flow", version: "1" },
    components: [
      { type: "textfield", id: "Field_item", key: "item", label: "样品名称", validate: { required: true } },
      { type: "number", id: "Field_qty", key: "quantity", label: labels.quantity ?? "数量", validate: { required: true, min: 1 }, properties: { labelEn: "Quantity" } },
      { type: "textarea", id: "Field_reason", key: "reason", label: "申请理由", conditional: { hide: "=quantity < 10" } },
    ],
  };
}

const intl = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") });
const zh: Translate = Object.assign((key: string, values?: Record<string, string | number>) => intl(key as never, values as never), { has: (key: string) => intl.has(key as never) });
/** What a user would read for a refusal: the most specific message (as the designer shows it). */
async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).not.toBeNull();
  const { code, message, fieldErrors } = translateError(e, zh);
  return { code, text: fieldErrors?.schema ?? fieldErrors?.file ?? fieldErrors?.key ?? message };
}

const kinds = await dbKinds();

describe.each(kinds)("form designer use-cases on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("refuses a buyer everywhere: only process owners design forms", async () => {
    const db = opened.db;
    const lina = await employee(db, "lina");
    const input = { key: "sample_request", titleZh: "样品申请单", titleEn: "", schema: sampleForm(), isNew: true };
    for (const attempt of [
      listForms(db, lina),
      getFormForEditing(db, lina, null),
      saveFormDraft(db, lina, input),
      checkForm(lina, input),
      publishForm(db, lina, input),
      importForm(db, lina, { key: "sample_request", titleZh: "x", titleEn: "", isNew: true, text: "{}" }),
      exportFormVersion(db, lina, "approval", 1),
      diffFormVersions(db, lina, "sample_request", 1, 2),
      listFormVersions(db, lina, "sample_request"),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.formDraft.count()).toBe(0);
  });

  it("saves a draft, reopens it, and keeps a second new form off its key", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const saved = await saveFormDraft(db, admin, { key: "sample_request", titleZh: "样品申请单", titleEn: "", schema: sampleForm(), isNew: true });
    expect(saved).toMatchObject({ key: "sample_request", basedOnVersion: null });
    const again = await getFormForEditing(db, admin, "sample_request");
    expect(again).toMatchObject({ origin: "draft", titleZh: "样品申请单", titleEn: "样品申请单", latestVersion: null });
    expect(again!.schema.components.map((c) => c.key)).toEqual(["item", "quantity", "reason"]);
    // A second "new form" cannot take the key; the designer of the form itself can save again.
    expect(await refusal(saveFormDraft(db, admin, { key: "sample_request", titleZh: "另一个", titleEn: "", schema: sampleForm(), isNew: true }))).toEqual({ code: "form_key_taken", text: "表单标识已被使用。" });
    await saveFormDraft(db, admin, { key: "sample_request", titleZh: "样品申请单", titleEn: "Sample request", schema: sampleForm(), isNew: false });
    // An opened form that does not exist, and a key the store would not take.
    await expect(saveFormDraft(db, admin, { key: "no_such_form", titleZh: "x", titleEn: "", schema: sampleForm(), isNew: false })).rejects.toMatchObject({ code: "form_not_found" });
    const rows = await listForms(db, admin);
    expect(rows.find((r) => r.key === "sample_request")).toMatchObject({ latestVersion: null, titleEn: "Sample request", draft: { updatedBy: "王磊" } });
    const audit = await db.auditLog.findMany({ where: { entity: "FormDraft", entityId: "sample_request" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["form.draft.save", "form.draft.save"]);
  });

  it("publishes version 1, then version 2 after a change; an unchanged form is refused", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const base = { key: "sample_request", titleZh: "样品申请单", titleEn: "Sample request", isNew: false };
    expect(await checkForm(admin, { ...base, schema: sampleForm() })).toEqual({ fields: 3, required: 2, conditional: 1 });
    expect(await publishForm(db, admin, { ...base, schema: sampleForm() })).toEqual({ key: "sample_request", version: 1 });
    expect(await db.formDraft.count({ where: { key: "sample_request" } })).toBe(0);
    // Publishing the same again says so, and leaves no trace.
    expect(await refusal(publishForm(db, admin, { ...base, schema: sampleForm() }))).toEqual({ code: "form_unchanged", text: "表单与已发布的版本相同，无需再次发布。" });
    // The designer opens the published version; a changed label publishes as N+1.
    expect(await getFormForEditing(db, admin, "sample_request")).toMatchObject({ origin: "published", latestVersion: 1 });
    await saveFormDraft(db, admin, { ...base, schema: sampleForm({ quantity: "申请数量" }) });
    expect(await getFormForEditing(db, admin, "sample_request")).toMatchObject({ origin: "draft", basedOnVersion: 1, latestVersion: 1 });
    expect(await publishForm(db, admin, { ...base, schema: sampleForm({ quantity: "申请数量" }) })).toEqual({ key: "sample_request", version: 2 });
    const versions = await listFormVersions(db, admin, "sample_request");
    expect(versions.map((v) => [v.version, v.publishedBy, v.source])).toEqual([
      [2, "王磊", "editor"],
      [1, "王磊", "editor"],
    ]);
    // Rows of one transaction share its timestamp: compared as a set.
    const audit = await db.auditLog.findMany({ where: { entityId: { in: ["sample_request", "sample_request@1", "sample_request@2"] } } });
    expect(audit.map((a) => `${a.action} ${a.entityId}`).sort()).toEqual(
      ["form.draft.save sample_request", "form.draft.save sample_request", "form.draft.save sample_request", "form.publish sample_request@1", "form.publish sample_request@2", "form.draft.published sample_request", "form.draft.published sample_request"].sort(),
    );
    // A new form may not take a published key either.
    expect((await refusal(publishForm(db, admin, { ...base, isNew: true, schema: sampleForm({ quantity: "x" }) }))).code).toBe("form_key_taken");
  });

  it("refuses what the server could not check, in the owner's language", async () => {
    const admin = await employee(opened.db, "admin");
    const base = { key: "sample_request", titleZh: "样品申请单", titleEn: "", isNew: false };
    const withComponent = (c: Record<string, unknown>) => ({ ...sampleForm(), components: [...sampleForm().components, c] });
    expect(await refusal(checkForm(admin, { ...base, schema: withComponent({ type: "select", id: "Field_s", key: "urgency", label: "紧急程度", values: [] }) }))).toEqual({
      code: "form_schema_invalid",
      text: "字段“紧急程度”没有选项：请至少添加一个固定选项。",
    });
    expect((await refusal(checkForm(admin, { ...base, schema: withComponent({ type: "filepicker", id: "Field_f", key: "file", label: "附件" }) }))).text).toBe("字段“附件”的组件类型“filepicker”不受支持。");
    expect((await refusal(checkForm(admin, { ...base, schema: withComponent({ type: "textfield", id: "Field_d", key: "item", label: "重复" }) }))).text).toBe("键“item”被多个字段使用。");
    expect((await refusal(publishForm(opened.db, admin, { ...base, schema: withComponent({ type: "lineQuantities", id: "Field_l", key: "qty", label: "明细数量" }) }))).text).toBe("字段“明细数量”没有选择明细来源。");
    const lots = (extra: Record<string, unknown>) => withComponent({ type: "lotTable", id: "Field_t", key: "lots", label: "批次清点", linesFrom: "lotRows", ...extra });
    expect((await refusal(checkForm(admin, { ...base, schema: lots({}) }))).text).toBe("字段“批次清点”没有选择收货环节（到货清点、质量检验或上架）。");
    expect((await refusal(checkForm(admin, { ...base, schema: lots({ lotStage: "putaway" }) }))).text).toBe("字段“批次清点”是上架环节，但没有选择库位来源。");
    expect(await opened.db.formVersion.count({ where: { key: "sample_request" } })).toBe(2);
  });

  it("exports a version as a .form file and imports it back as the draft; a bad file is refused with a translated error", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const file = await exportFormVersion(db, admin, "sample_request", 2);
    expect(file.fileName).toBe("sample_request-v2.form");
    const parsed = JSON.parse(file.text) as Record<string, unknown>;
    expect(parsed).toMatchObject({ type: "default", id: "sample_request", titleZh: "样品申请单", titleEn: "Sample request" });
    await expect(exportFormVersion(db, admin, "sample_request", 9)).rejects.toMatchObject({ code: "form_not_found" });

    const base = { key: "sample_request", titleZh: "别的名字", titleEn: "", isNew: false };
    expect(await refusal(importForm(db, admin, { ...base, text: "{ not json" }))).toEqual({ code: "validation", text: "文件不是有效的 JSON 表单（.form）。" });
    expect((await refusal(importForm(db, admin, { ...base, text: "[1, 2]" }))).text).toBe("文件不是有效的 JSON 表单（.form）。");
    expect((await refusal(importForm(db, admin, { ...base, text: JSON.stringify({ type: "default", components: [{ type: "iframe", id: "x", label: "网页" }] }) }))).text).toBe(
      "字段“网页”的组件类型“iframe”不受支持。",
    );
    expect(await db.formDraft.count({ where: { key: "sample_request" } })).toBe(0);

    // The file's own titles win; the draft opens in the designer.
    const imported = await importForm(db, admin, { ...base, text: `\uFEFF${file.text}` });
    expect(imported).toMatchObject({ key: "sample_request", basedOnVersion: 2, titleZh: "样品申请单", titleEn: "Sample request" });
    const draft = await getFormForEditing(db, admin, "sample_request");
    expect(draft).toMatchObject({ origin: "draft", titleZh: "样品申请单" });
    expect(draft!.schema).not.toHaveProperty("titleZh");
    expect((await db.auditLog.findFirst({ where: { action: "form.import", entityId: "sample_request" } }))?.actorId).toBe(admin.id);
    // Importing the published file unchanged and publishing it is "unchanged".
    expect((await refusal(publishForm(db, admin, { ...base, titleZh: "样品申请单", titleEn: "Sample request", schema: draft!.schema }))).code).toBe("form_unchanged");
    await discardFormDraft(db, admin, "sample_request");
    expect(await getFormForEditing(db, admin, "sample_request")).toMatchObject({ origin: "published", latestVersion: 2 });
  });

  it("shows the difference between two versions field by field", async () => {
    const admin = await employee(opened.db, "admin");
    const { diff } = await diffFormVersions(opened.db, admin, "sample_request", 1, 2);
    expect(diff).toEqual({
      form: [],
      added: [],
      removed: [],
      moved: [],
      changed: [{ id: "Field_qty", key: "quantity", label: "申请数量", type: "number", changes: [{ path: "label", from: { kind: "text", value: "数量" }, to: { kind: "text", value: "申请数量" } }] }],
    });
    await expect(diffFormVersions(opened.db, admin, "sample_request", 1, 7)).rejects.toMatchObject({ code: "form_not_found" });
  });
});

describe("diffFormSchemas", () => {
  const side = (components: Record<string, unknown>[], titleZh = "样品申请单") => ({ titleZh, titleEn: "Sample request", schema: { type: "default", components } });

  it("names added, removed, changed and moved fields, with the properties that changed", () => {
    const a = side([
      { type: "textfield", id: "F1", key: "item", label: "名称", layout: { row: "Row_a", columns: null } },
      { type: "number", id: "F2", key: "qty", label: "数量", validate: { required: true, min: 1 } },
      { type: "select", id: "F3", key: "urgency", label: "紧急程度", values: [{ label: "普通", value: "n" }] },
      { type: "checkbox", id: "F4", key: "budget", label: "已列入预算" },
    ]);
    const b = side(
      [
        { type: "number", id: "F2", key: "qty", label: "数量", validate: { required: false, min: 5 }, conditional: { hide: "=item = null" } },
        { type: "textfield", id: "F1", key: "item", label: "名称", layout: { row: "Row_b", columns: null } },
        { type: "select", id: "F3", key: "urgency", label: "紧急程度", values: [{ label: "普通", value: "n" }, { label: "加急", value: "u" }], properties: { labelEn: "Urgency" } },
        { type: "textarea", id: "F5", key: "note", label: "备注" },
      ],
      "样品申请",
    );
    const d = diffFormSchemas(a, b);
    expect(d.form).toEqual([{ path: "titleZh", from: { kind: "text", value: "样品申请单" }, to: { kind: "text", value: "样品申请" } }]);
    expect(d.added).toEqual([{ id: "F5", key: "note", label: "备注", type: "textarea" }]);
    expect(d.removed).toEqual([{ id: "F4", key: "budget", label: "已列入预算", type: "checkbox" }]);
    expect(d.changed).toEqual([
      {
        id: "F2",
        key: "qty",
        label: "数量",
        type: "number",
        changes: [
          { path: "validate.required", from: { kind: "bool", value: true }, to: { kind: "bool", value: false } },
          { path: "validate.min", from: { kind: "text", value: "1" }, to: { kind: "text", value: "5" } },
          { path: "conditional.hide", from: { kind: "none" }, to: { kind: "text", value: "=item = null" } },
        ],
      },
      {
        id: "F3",
        key: "urgency",
        label: "紧急程度",
        type: "select",
        changes: [
          { path: "values", from: { kind: "options", labels: ["普通"] }, to: { kind: "options", labels: ["普通", "加急"] } },
          { path: "properties.labelEn", from: { kind: "none" }, to: { kind: "text", value: "Urgency" } },
        ],
      },
    ]);
    // The layout row id is the editor's bookkeeping; F1 only moved.
    expect(d.moved.map((f) => f.id)).toEqual(["F1"]);
  });
});
