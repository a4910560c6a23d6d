import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { bpmn, employee, openTasks, publishTestForm } from "@/test/workflow-fixtures";
import { completeTask } from "./complete-task";
import { validateFormData } from "./form-data";
import type { FormDefinition } from "./forms";
import { publishDefinition } from "./publish-definition";
import { startByHand as startByKey } from "./start-by-hand";
import { startInstance } from "./start-instance";

const NUMBERS: FormDefinition = {
  key: "test_numbers",
  titleZh: "数量",
  titleEn: "Quantities",
  fields: [
    { name: "qty", type: "number", labelZh: "数量", labelEn: "Quantity", required: true, min: 0 },
    { name: "discount", type: "number", labelZh: "折扣", labelEn: "Discount" },
  ],
};

const FLOW = bpmn(
  "numbers",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="count"/>
  <bpmn:userTask id="count" name="清点" ff:candidateGroups="purchasing" ff:formKey="test_numbers"/>
  <bpmn:sequenceFlow id="f1" sourceRef="count" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

describe("number fields", () => {
  const form = NUMBERS;
  it("a blank required number is missing, never 0; a blank optional one is absent", () => {
    for (const blank of ["", "   ", null, undefined]) {
      expect(() => validateFormData(form, { qty: blank })).toThrow(expect.objectContaining({ code: "validation", fieldErrors: { qty: "validation.required" } }));
    }
    expect(validateFormData(form, { qty: " 12 ", discount: "" })).toEqual({ qty: 12 });
    expect(validateFormData(form, { qty: 0, discount: "  " })).toEqual({ qty: 0 });
    expect(validateFormData(form, { qty: "3", discount: "0.5" })).toEqual({ qty: 3, discount: 0.5 });
    expect(() => validateFormData(form, { qty: "twelve" })).toThrow(expect.objectContaining({ fieldErrors: { qty: "validation.invalid_type" } }));
    expect(() => validateFormData(form, { qty: "-1" })).toThrow(expect.objectContaining({ fieldErrors: { qty: "validation.number_min?min=0" } }));
  });
});

const kinds = await dbKinds();

describe.each(kinds)("number fields through the runtime on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await publishTestForm(opened.db, NUMBERS);
    await publishDefinition(opened.db, SYSTEM, FLOW);
    await publishDefinition(opened.db, SYSTEM, (await import("node:fs")).readFileSync("processes/purchase-requisition.bpmn", "utf8"), "shipped");
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("completing a task with a blank required number is refused and changes nothing", async () => {
    const db = opened.db;
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "numbers" });
    const [task] = await openTasks(db, started.id);
    const before = await db.processInstance.findUniqueOrThrow({ where: { id: started.id } });
    for (const qty of ["", "  "]) {
      await expect(completeTask(db, lina, { taskId: task.id, data: { qty } })).rejects.toMatchObject({ code: "validation", fieldErrors: { qty: "validation.required" } });
    }
    const after = await db.processInstance.findUniqueOrThrow({ where: { id: started.id } });
    expect(after.version).toBe(before.version);
    expect((await openTasks(db, started.id)).map((t) => t.id)).toEqual([task.id]);

    await completeTask(db, lina, { taskId: task.id, data: { qty: "0", discount: " " } });
    const done = await db.processInstance.findUniqueOrThrow({ where: { id: started.id } });
    expect(done.status).toBe("completed");
    expect(done.variables).toMatchObject({ qty: 0 });
    expect(done.variables).not.toHaveProperty("discount");
  });

  it("starting through the API with a blank required amount is refused (what POST /api/workflow/processes/:key/instances calls)", async () => {
    const db = opened.db;
    const lina = await employee(db, "lina");
    const count = await db.processInstance.count();
    await expect(startByKey(db, lina, { key: "purchase_requisition", data: { title: "螺丝", amount: "" } })).rejects.toMatchObject({ code: "validation", fieldErrors: { amount: "validation.required" } });
    await expect(startByKey(db, lina, { key: "purchase_requisition", data: { title: "螺丝", amount: " " } })).rejects.toMatchObject({ code: "validation", fieldErrors: { amount: "validation.required" } });
    expect(await db.processInstance.count()).toBe(count);
  });
});
