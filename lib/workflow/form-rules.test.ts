import { describe, expect, it } from "vitest";
import { validateFormData } from "./form-data";
import { shippedForm } from "@/test/workflow-fixtures";

// Rules across fields, checked where the task completes: the same for the form, a
// server action or the REST API.
describe("form rules", () => {
  const receipt = shippedForm("delivery_receipt");
  const variables = {
    planLineItems: [
      { key: "l1", label: "1. P-1001 不锈钢六角螺栓", quantity: 600, unit: "PCS" },
      { key: "l2", label: "2. P-1002 铝合金散热片", quantity: 40, unit: "PCS" },
    ],
  };
  const receive = (accepted: Record<string, number>, rejected: Record<string, number>) =>
    validateFormData(receipt, { acceptedQuantities: accepted, rejectedQuantities: rejected, location: "WH01-IN" }, variables);

  it("refuses accepted plus rejected above the planned quantity, naming the line", () => {
    expect(() => receive({ l1: 600, l2: 40 }, { l1: 10, l2: 0 })).toThrow(
      expect.objectContaining({ code: "validation", fieldErrors: { acceptedQuantities: "validation.receipt_over_plan" }, params: { lines: expect.stringContaining("不锈钢六角螺栓（610 > 600）") } }),
    );
    expect(receive({ l1: 590, l2: 40 }, { l1: 10, l2: 0 })).toMatchObject({ acceptedQuantities: { l1: 590 }, rejectedQuantities: { l1: 10 } });
  });

  it.each(["approval", "supplier_initial_review", "supplier_re_review"])("%s: a rejection needs a reason, an approval does not", (key) => {
    const form = shippedForm(key);
    for (const comment of [undefined, "", "   "]) {
      expect(() => validateFormData(form, { decision: "reject", comment })).toThrow(expect.objectContaining({ fieldErrors: { comment: "validation.reason_required" } }));
    }
    expect(validateFormData(form, { decision: "reject", comment: "资质不全" })).toMatchObject({ decision: "reject" });
    expect(validateFormData(form, { decision: "approve" })).toMatchObject({ decision: "approve" });
  });
});
