import { describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "./clock";
import { compileFormJs } from "./form-js";
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

  it("date_not_past: today and later pass, yesterday is refused (Beijing calendar); a hidden date is not checked", () => {
    const form = shippedForm("po_confirmation");
    const variables = { orderLineItems: [{ key: "l1", label: "1. 螺栓", quantity: 10, unit: "PCS" }] };
    const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
    const propose = (proposedDate: string) => validateFormData(form, { response: "propose", proposedQuantities: { l1: 8 }, proposedDates: { l1: proposedDate }, proposalNote: "产能" }, variables);
    try {
      // 23:30 UTC is already the next day in Beijing.
      advanceClock(Date.UTC(2030, 0, 1, 23, 30) - Date.now());
      expect(propose("2030-01-02")).toMatchObject({ proposedDates: { l1: "2030-01-02" } });
      expect(() => propose("2030-01-01")).toThrow(expect.objectContaining({ fieldErrors: { proposedDates: "validation.date_in_past" } }));
      expect(() => propose("2030-02-30")).toThrow(expect.objectContaining({ fieldErrors: { proposedDates: "validation.invalid_date" } }));
      expect(day(new Date(Date.UTC(2030, 0, 1, 23, 30)))).toBe("2030-01-02");
      expect(validateFormData(form, { response: "decline", declineReason: "停产", proposedDates: { l1: "2000-01-01" } }, variables)).toEqual({ response: "decline", declineReason: "停产" });
    } finally {
      resetClock();
    }
    expect(() => compileFormJs("x", "x", "x", { type: "default", components: [], rules: [{ kind: "date_not_past", field: "nope" }] })).toThrow(expect.objectContaining({ code: "form_schema_invalid" }));
  });

  it("at_least / at_most: an approval is refused when a value passes its limit (a margin below the floor, a date after the requested one); a rejection is not", () => {
    const commercial = shippedForm("opportunity_commercial_review");
    const margin = (marginPct: number | null) => ({ marginPct, marginFloorPct: 15 });
    expect(() => validateFormData(commercial, { decision: "approve" }, margin(11.5))).toThrow(
      expect.objectContaining({ fieldErrors: { decision: "validation.margin_below_floor" }, params: { value: "11.5", limit: "15" } }),
    );
    expect(validateFormData(commercial, { decision: "approve" }, margin(15))).toEqual({ decision: "approve" });
    expect(validateFormData(commercial, { decision: "reject", comment: "毛利不足" }, margin(11.5))).toMatchObject({ decision: "reject" });
    // Without a margin (no costs) there is nothing to check; the submission cannot bring its own.
    expect(validateFormData(commercial, { decision: "approve" }, margin(null))).toEqual({ decision: "approve" });
    expect(() => validateFormData(commercial, { decision: "approve", marginPct: 99 }, margin(11.5))).toThrow(expect.objectContaining({ code: "validation" }));

    const delivery = shippedForm("opportunity_delivery_confirm");
    try {
      advanceClock(Date.UTC(2030, 0, 1, 4) - Date.now());
      const confirm = (feasibleDate: string) => validateFormData(delivery, { decision: "approve", feasibleDate }, { requestedDelivery: "2030-03-01" });
      expect(confirm("2030-03-01")).toMatchObject({ feasibleDate: "2030-03-01" });
      expect(() => confirm("2030-03-02")).toThrow(expect.objectContaining({ fieldErrors: { feasibleDate: "validation.delivery_not_feasible" }, params: { value: "2030-03-02", limit: "2030-03-01" } }));
      expect(validateFormData(delivery, { decision: "reject", feasibleDate: "2030-04-01", comment: "产能排满" }, { requestedDelivery: "2030-03-01" })).toMatchObject({ decision: "reject" });
    } finally {
      resetClock();
    }
    expect(() => compileFormJs("x", "x", "x", { type: "default", components: [{ type: "number", key: "n", label: "n" }], rules: [{ kind: "at_least", field: "n", value: "a b", limit: "c" }] })).toThrow(expect.objectContaining({ code: "form_schema_invalid" }));
  });
});
