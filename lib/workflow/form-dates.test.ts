import { describe, expect, it } from "vitest";
import { validateFormData } from "./form-data";
import { shippedForm } from "@/test/workflow-fixtures";

// The supplier's order confirmation (po_confirmation) names a delivery date that goes to
// the ERP: only a day of the calendar passes, whatever the browser or the API sends.
describe("date fields of task forms", () => {
  const form = shippedForm("po_confirmation");
  const variables = { orderLineItems: [{ key: "l1", label: "1. 螺栓", quantity: 10, unit: "PCS" }] };
  const confirm = (confirmedDate: unknown) => validateFormData(form, { response: "confirm", confirmedQuantities: { l1: 10 }, confirmedDate }, variables);

  it.each(["2030-13-45", "0000-00-00", "2030-02-30", "2030-2-3", "2030-02-28T09:00", "tomorrow"])("refuses %s", (d) => {
    expect(() => confirm(d)).toThrow(expect.objectContaining({ code: "validation", fieldErrors: { confirmedDate: "validation.invalid_date" } }));
  });

  it("takes a real day, and leap days only in leap years", () => {
    expect(confirm("2028-02-29")).toMatchObject({ confirmedDate: "2028-02-29" });
    expect(() => confirm("2027-02-29")).toThrow(expect.objectContaining({ code: "validation" }));
  });
});
