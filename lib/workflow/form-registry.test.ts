import { describe, expect, it } from "vitest";
import { startForm } from "./start-form";
import { formDefinition } from "./forms";

// A process that never loads the job worker (JOB_WORKER=0, a script, a route) must
// still know every registered form, or a completion would validate against nothing.
describe("form registry", () => {
  it("knows the forms registered outside lib/workflow as soon as a form consumer is loaded", () => {
    expect(typeof startForm).toBe("function");
    expect(formDefinition("po_confirmation")?.fields.length).toBeGreaterThan(0);
    expect(formDefinition("goods_receipt")?.fields.length).toBeGreaterThan(0);
    expect(formDefinition("approval")).toBeDefined();
  });
});
