import { describe, expect, it } from "vitest";
import { validateFormData } from "./form-data";
import type { FormDefinition } from "./forms";

// A "lines" field: one number per row of an instance variable (e.g. the confirmed
// quantity of each order line), checked against those rows on the server.
const form: FormDefinition = {
  key: "t_lines",
  titleZh: "t",
  titleEn: "t",
  fields: [{ name: "qty", type: "lines", linesFrom: "rows", rowMax: true, min: 0, labelZh: "数量", labelEn: "Quantity" }],
};
const variables = { rows: [{ key: "a", label: "1. Bolt", quantity: 10, unit: "PCS" }, { key: "b", label: "2. Nut", quantity: 4, unit: "PCS" }, { nonsense: true }] };
const refused = (data: unknown, code: string) => expect(() => validateFormData(form, data, variables)).toThrow(expect.objectContaining({ code: "validation", fieldErrors: { qty: code } }));

describe("a lines field", () => {
  it("takes one number per row, numeric strings included, and leaves an omitted field absent", () => {
    expect(validateFormData(form, { qty: { a: "7.5", b: 0 } }, variables)).toEqual({ qty: { a: 7.5, b: 0 } });
    expect(validateFormData(form, {}, variables)).toEqual({});
  });

  it("refuses a row above its own quantity, a negative or blank row, a missing row and a key that is no row", () => {
    refused({ qty: { a: 11, b: 4 } }, "validation.line_over_quantity");
    refused({ qty: { a: -1, b: 4 } }, "validation.number_out_of_range");
    refused({ qty: { a: "", b: 4 } }, "validation.lines_incomplete");
    refused({ qty: { a: 1 } }, "validation.lines_incomplete");
    refused({ qty: { a: 1, b: 1, c: 1 } }, "validation.invalid_value");
    refused({ qty: { a: "x", b: 1 } }, "validation.invalid_type");
    refused({ qty: "10" }, "validation.invalid_type");
  });
});
