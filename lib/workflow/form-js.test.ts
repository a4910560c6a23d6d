import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/app-error";
import { validateFormData } from "./form-data";
import { compileFormJs, formJsSchema } from "./form-js";
import { shippedForm } from "@/test/workflow-fixtures";

/** A designed form with every field type the runtime checks, as the form designer saves it. */
const SCHEMA = {
  type: "default",
  id: "sample_request",
  schemaVersion: 19,
  components: [
    { type: "text", id: "Intro", text: "# 样品申请" },
    { type: "textfield", id: "F1", key: "title", label: "样品名称", validate: { required: true, minLength: 2, maxLength: 20 }, properties: { labelEn: "Sample" } },
    { type: "textfield", id: "F2", key: "drawingNo", label: "图号", validate: { pattern: "^DWG-[0-9]{4}$" } },
    { type: "textfield", id: "F3", key: "email", label: "邮箱", validate: { validationType: "email" } },
    { type: "number", id: "F4", key: "quantity", label: "数量", validate: { required: true, min: 1, max: 500 } },
    { type: "textarea", id: "F5", key: "bulkReason", label: "大批量原因", validate: { required: true }, conditional: { hide: "=quantity <= 100" } },
    { type: "datetime", id: "F6", key: "neededBy", subtype: "date", dateLabel: "需要日期", validate: { required: true } },
    { type: "select", id: "F7", key: "urgency", label: "紧急程度", values: [{ label: "普通", value: "normal" }, { label: "加急", value: "urgent", labelEn: "Urgent" }] },
    { type: "radio", id: "F8", key: "delivery", label: "交付方式", values: [{ label: "快递", value: "express" }, { label: "自提", value: "pickup" }], validate: { required: true } },
    { type: "checkbox", id: "F9", key: "returnable", label: "需归还" },
    { type: "checklist", id: "F10", key: "notify", label: "通知", values: [{ label: "财务", value: "finance" }, { label: "仓库", value: "warehouse" }] },
    { type: "group", id: "G1", label: "客户", components: [{ type: "supplier", id: "F11", key: "supplierId", label: "供应商" }] },
    { type: "decision", id: "F12", key: "decision", label: "结论" },
  ],
};
const form = compileFormJs("sample_request", "样品申请", "Sample request", SCHEMA);

const VALID = { title: "注塑样件", quantity: "20", neededBy: "2026-12-20", delivery: "express" };

/** The field errors of a submission, or {} when it is taken. */
function errorsOf(data: Record<string, unknown>, variables?: Record<string, unknown>): Record<string, string> {
  try {
    validateFormData(form, data, variables);
    return {};
  } catch (e) {
    if (isAppError(e) && e.code === "validation") return e.fieldErrors;
    throw e;
  }
}

describe("forms designed as form-js schemas", () => {
  it("compile to the runtime's fields: labels in both languages, groups flattened, presentation dropped", () => {
    expect(form.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "title:text", "drawingNo:text", "email:text", "quantity:number", "bulkReason:textarea", "neededBy:date", "urgency:select", "delivery:select",
      "returnable:boolean", "notify:checklist", "supplierId:supplier", "decision:decision",
    ]);
    expect(form.fields[0]).toMatchObject({ labelZh: "样品名称", labelEn: "Sample", required: true, minLength: 2, maxLength: 20 });
    expect(form.fields.find((f) => f.name === "neededBy")!.labelZh).toBe("需要日期");
    expect(form.fields.find((f) => f.name === "urgency")!.options![1]).toEqual({ value: "urgent", labelZh: "加急", labelEn: "Urgent" });
    expect(form.fields.find((f) => f.name === "delivery")!.widget).toBe("radio");
    expect(form.fields.find((f) => f.name === "bulkReason")!.hideIf).toBe("quantity <= 100");
  });

  it("refuse what the server could not check, with the reason", () => {
    const refused = (components: unknown[]) => {
      try {
        compileFormJs("x", "x", "x", { type: "default", components });
        return null;
      } catch (e) {
        return isAppError(e) && e.code === "form_schema_invalid" ? String(e.params?.reason) : "not an AppError";
      }
    };
    expect(refused([{ type: "filepicker", key: "f", label: "附件" }])).toMatch(/filepicker/);
    expect(refused([{ type: "iframe", key: "f" }])).toMatch(/iframe/);
    expect(refused([{ type: "madeup", key: "f", label: "怪" }])).toMatch(/madeup/);
    expect(refused([{ type: "textfield", key: "名称" }])).toMatch(/key/);
    expect(refused([{ type: "textfield", key: "a" }, { type: "number", key: "a" }])).toMatch(/twice/);
    expect(refused([{ type: "textfield", key: "a", validate: { pattern: "(a" } }])).toMatch(/pattern/);
    expect(refused([{ type: "textfield", key: "a", validate: { pattern: "(a)\\1" } }])).toMatch(/pattern/);
    expect(refused([{ type: "select", key: "a", label: "甲" }])).toMatch(/options/);
    expect(refused([{ type: "datetime", key: "a", subtype: "datetime" }])).toMatch(/dates/);
    expect(refused([{ type: "lineQuantities", key: "a", label: "数量" }])).toMatch(/linesFrom/);
    expect(refused([{ type: "textfield", key: "a", conditional: { hide: "=count(for i in 1..2000000 return i) > 0" } }])).toMatch(/condition/);
    expect(() => compileFormJs("x", "x", "x", { components: [] })).toThrow();
    expect(() => compileFormJs("x", "x", "x", "not json")).toThrow();
  });

  it("the shipped forms round-trip: written as form-js, compiled back the same", () => {
    for (const key of ["approval", "delivery_receipt", "po_confirmation", "quality_issue_start"]) {
      const def = shippedForm(key);
      expect(compileFormJs(key, def.titleZh, def.titleEn, formJsSchema(def))).toEqual(def);
    }
  });

  it("take a valid submission and keep only the form's fields, typed", () => {
    expect(errorsOf(VALID)).toEqual({});
    const out = validateFormData(form, { ...VALID, notify: ["finance"], returnable: "on", urgency: "", injected: "x" });
    expect(out).toEqual({ title: "注塑样件", quantity: 20, neededBy: "2026-12-20", delivery: "express", notify: ["finance"], returnable: true });
  });

  // Each row: what is sent for one field (over a valid submission) and the message the field gets.
  const INVALID: [string, Record<string, unknown>, string][] = [
    ["required text missing", { title: undefined }, "validation.required"],
    ["required text blank", { title: "   " }, "validation.required"],
    ["text too short", { title: "样" }, "validation.too_short?min=2"],
    ["text too long", { title: "样".repeat(21) }, "validation.too_long?max=20"],
    ["text as an object", { title: { $ne: "" } }, "validation.invalid_type"],
    ["text as an array", { title: ["a", "b"] }, "validation.invalid_type"],
    ["huge text", { title: "a".repeat(1_000_000) }, "validation.too_long?max=20"],
    ["pattern not matched", { drawingNo: "DWG-12" }, "validation.pattern_mismatch"],
    ["not an e-mail", { email: "someone" }, "validation.invalid_email"],
    ["number below min", { quantity: 0 }, "validation.number_min?min=1"],
    ["number above max", { quantity: "501" }, "validation.number_max?max=500"],
    ["number as text", { quantity: "twenty" }, "validation.invalid_type"],
    ["number infinite", { quantity: "Infinity" }, "validation.invalid_type"],
    ["number missing", { quantity: "" }, "validation.required"],
    ["date not in the calendar", { neededBy: "2026-02-30" }, "validation.invalid_date"],
    ["date in another format", { neededBy: "20/12/2026" }, "validation.invalid_date"],
    ["select value not offered", { urgency: "yesterday" }, "validation.invalid_option"],
    ["radio missing", { delivery: undefined }, "validation.required"],
    ["checklist value not offered", { notify: ["finance", "ceo"] }, "validation.invalid_option"],
    ["checklist as a string", { notify: "finance" }, "validation.invalid_type"],
    ["supplier not an id", { supplierId: "'; DROP TABLE" }, "validation.invalid_value"],
    ["decision not offered", { decision: "maybe" }, "validation.invalid_option"],
    ["a shown conditional field left empty", { quantity: 200 }, "validation.required"],
  ];
  it.each(INVALID)("refuse %s, naming the field", (_, change, message) => {
    const field = Object.keys(change)[0];
    const errors = errorsOf({ ...VALID, ...change });
    expect(Object.keys(errors)).toContain(field === "quantity" && message === "validation.required" && change.quantity === 200 ? "bulkReason" : field);
    expect(Object.values(errors)).toContain(message);
  });

  it("a field hidden by its condition is neither required nor stored; shown, it is both", () => {
    expect(errorsOf({ ...VALID, quantity: 50 })).toEqual({});
    expect(validateFormData(form, { ...VALID, quantity: 50, bulkReason: "sneaked in" })).not.toHaveProperty("bulkReason");
    expect(validateFormData(form, { ...VALID, quantity: 200, bulkReason: "量产前验证" })).toMatchObject({ bulkReason: "量产前验证" });
    // The instance's variables take part in conditions too, the form's values win.
    expect(errorsOf({ ...VALID, quantity: 150 }, { quantity: 1 })).toEqual({ bulkReason: "validation.required" });
  });

  it("NUL characters and lone surrogates are cleaned before anything is checked", () => {
    const out = validateFormData(form, { ...VALID, title: "注塑\u0000样件\ud800" });
    expect(out.title).toBe("注塑样件\ufffd");
  });
});
