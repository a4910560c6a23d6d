import { describe, expect, it } from "vitest";
import { customFieldInput, readCustomFilterParams, type CustomFieldDef, type CustomFieldType } from "./custom-fields.schema";
import { validateCustomValues } from "./custom-values";
import { customChanges, customEntries, formatCustomValue } from "./format-custom-values";

const field = (key: string, type: CustomFieldType, more: Partial<CustomFieldDef> = {}): CustomFieldDef => ({
  id: key,
  entity: "supplier",
  key,
  type,
  labelZh: `${key}中文`,
  labelEn: `${key} en`,
  required: false,
  options: [],
  inList: false,
  position: 0,
  active: true,
  ...more,
});

const grade = field("grade", "select", { options: [{ value: "A", labelZh: "A 级", labelEn: "Grade A" }, { value: "B", labelZh: "B 级", labelEn: "Grade B" }] });
const FIELDS = [field("note", "text"), field("memo", "textarea"), field("capacity", "number"), field("since", "date"), grade, field("certified", "boolean")];

const ok = (key: string, raw: unknown) => validateCustomValues(FIELDS, { [key]: raw })[key];
const refusal = (key: string, raw: unknown) => {
  try {
    validateCustomValues(FIELDS, { [key]: raw });
  } catch (e) {
    return (e as { fieldErrors: Record<string, string> }).fieldErrors[`custom.${key}`];
  }
  return "accepted";
};

describe("custom values: what each type accepts", () => {
  it.each([
    ["note", "  上海 浦东 ", "上海 浦东"],
    ["note", "line\nbreak\ttab", "line break tab"],
    ["note", "a\u0000b\u0007c", "abc"],
    ["memo", "第一行\n第二行", "第一行\n第二行"],
    ["capacity", "1200", 1200],
    ["capacity", "12,500.5", 12500.5],
    ["capacity", " -3 ", -3],
    ["capacity", 42, 42],
    ["capacity", "-0", 0],
    ["since", "2026-02-28", "2026-02-28"],
    ["since", " 2024-02-29 ", "2024-02-29"],
    ["grade", "A", "A"],
    ["certified", true, true],
    ["certified", "false", false],
  ])("%s = %j is stored as %j", (key, raw, stored) => {
    expect(ok(key, raw)).toEqual(stored);
  });

  it.each([
    ["note", "x".repeat(201), "validation.too_long?max=200"],
    ["memo", "y".repeat(2001), "validation.too_long?max=2000"],
    ["note", 42, "validation.invalid_value"],
    ["note", ["a"], "validation.invalid_value"],
    ["note", { zh: "a" }, "validation.invalid_value"],
    ["capacity", "12吨", "validation.not_a_number"],
    ["capacity", "1e5", "validation.not_a_number"],
    ["capacity", "0x10", "validation.not_a_number"],
    ["capacity", "Infinity", "validation.not_a_number"],
    ["capacity", Number.NaN, "validation.number_out_of_range"],
    ["capacity", 1e16, "validation.number_out_of_range"],
    ["capacity", "9".repeat(400), "validation.number_out_of_range"],
    ["capacity", [1], "validation.not_a_number"],
    ["capacity", { value: 1 }, "validation.not_a_number"],
    ["capacity", true, "validation.not_a_number"],
    ["since", "2026-02-30", "validation.invalid_date"],
    ["since", "2026-13-01", "validation.invalid_date"],
    ["since", "0000-00-00", "validation.invalid_date"],
    ["since", "28.02.2026", "validation.invalid_date"],
    ["since", 20260228, "validation.invalid_date"],
    ["grade", "C", "validation.invalid_option"],
    ["grade", "a", "validation.invalid_option"],
    ["grade", ["A"], "validation.invalid_option"],
    ["grade", "A\u0000", "accepted"],
    ["certified", "yes", "validation.invalid_value"],
    ["certified", 1, "validation.invalid_value"],
    ["certified", {}, "validation.invalid_value"],
  ])("%s = %s is refused with %s", (key, raw, code) => {
    expect(refusal(key, raw)).toBe(code);
  });

  it("refuses a huge string by its length, quickly", () => {
    const started = Date.now();
    expect(refusal("note", "字".repeat(10_000_000))).toBe("validation.too_long?max=200");
    expect(refusal("memo", `${" ".repeat(5_000_000)}x${"\u0000".repeat(5_000_000)}`)).toBe("accepted");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("leaves empty values out, asks for required ones, and names every field's problem at once", () => {
    expect(validateCustomValues(FIELDS, { note: "   ", capacity: "", since: null, grade: undefined })).toEqual({});
    const required = FIELDS.map((f) => ({ ...f, required: true }));
    expect(() => validateCustomValues(required, { note: "ok", capacity: "x" })).toThrow(
      expect.objectContaining({
        code: "validation",
        fieldErrors: { "custom.memo": "validation.required", "custom.capacity": "validation.not_a_number", "custom.since": "validation.required", "custom.grade": "validation.required", "custom.certified": "validation.required" },
      }),
    );
  });

  it("drops unknown keys, refuses a value list that is not an object, and keeps switched-off fields' stored values", () => {
    expect(validateCustomValues(FIELDS, { grade: "B", hacker: "x", __proto__: { polluted: 1 }, constructor: "y" })).toEqual({ grade: "B" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const bad of [["A"], "grade=A", 7]) expect(() => validateCustomValues(FIELDS, bad)).toThrow(expect.objectContaining({ fieldErrors: { custom: "validation.invalid_value" } }));
    const off = FIELDS.map((f) => (f.key === "grade" ? { ...f, active: false, required: true } : f));
    // A switched-off field's value stays as stored (even a sent one is ignored), a removed key's value too; an active field's is replaced.
    expect(validateCustomValues(off, { grade: "A", note: "新" }, { grade: "B", note: "旧", legacy: 3, broken: { x: 1 } })).toEqual({ grade: "B", legacy: 3, note: "新" });
  });
});

describe("custom values as people read them", () => {
  const words = { yes: "是", no: "否" };
  it("formats each type in the reader's language", () => {
    expect(formatCustomValue(grade, "A", "zh-CN", words)).toBe("A 级");
    expect(formatCustomValue(grade, "A", "en", words)).toBe("Grade A");
    expect(formatCustomValue(grade, "Z", "zh-CN", words)).toBe("Z");
    expect(formatCustomValue(field("n", "number"), 12500.5, "zh-CN", words)).toBe("12,500.5");
    expect(formatCustomValue(field("d", "date"), "2026-02-28", "zh-CN", words)).toBe("2026年2月28日");
    expect(formatCustomValue(field("d", "date"), "2026-02-28", "en", words)).toBe("Feb 28, 2026");
    expect(formatCustomValue(field("b", "boolean"), false, "zh-CN", words)).toBe("否");
    expect(formatCustomValue(field("t", "text"), undefined, "zh-CN", words)).toBe("");
  });

  it("lists active fields and switched-off fields that hold a value, marked; history changes by label", () => {
    const off = { ...field("old", "text"), active: false };
    const empty = { ...field("gone", "text"), active: false };
    const entries = customEntries([grade, off, empty, field("capacity", "number")], { grade: "B", old: "旧值", capacity: "not a number", junk: [1] }, "zh-CN", words);
    expect(entries.map((e) => [e.label, e.text, e.active])).toEqual([
      ["grade中文", "B 级", true],
      ["old中文", "旧值", false],
      ["capacity中文", "not a number", true],
    ]);
    expect(customEntries([grade], "not json", "zh-CN", words)).toEqual([{ key: "grade", label: "grade中文", text: "", active: true, type: "select" }]);
    expect(customChanges([grade, off], { custom: { grade: "A" } }, { custom: { grade: "B", old: "x" } }, "en", words)).toEqual([
      { key: "grade", label: "grade en", before: "Grade A", after: "Grade B", active: true },
      { key: "old", label: "old en", before: "", after: "x", active: false },
    ]);
  });
});

describe("custom field definitions and list filters from an address", () => {
  it("keys are ASCII identifiers that flows can read, not reserved words", () => {
    const parse = (key: string) => customFieldInput.safeParse({ entity: "supplier", key, type: "text", labelZh: "年产能", labelEn: "Capacity" });
    for (const good of ["annualCapacity", "grade", "a1_b", "X"]) expect(parse(good).success).toBe(true);
    for (const bad of ["1st", "_x", "年产能", "has space", "a-b", "a.b", "and", "TRUE", "constructor", "__proto__", "x".repeat(41), ""]) expect(parse(bad).success).toBe(false);
  });

  it("reads cf_<key>=value parameters, ignoring anything else", () => {
    expect(readCustomFilterParams({ cf_grade: "A", cf_ok: ["true", "false"], cf_: "x", "cf_1x": "y", cf_empty: "", q: "z", cf_long: "v".repeat(101) })).toEqual({ grade: "A", ok: "true" });
  });
});
