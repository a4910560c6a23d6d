import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { isAppError } from "@/lib/errors/app-error";
import { dbKinds, freshDb } from "@/test/db";
import { bpmn, employee, openTasks } from "@/test/workflow-fixtures";
import { completeTask } from "./complete-task";
import { publishFormVersion, publishedForm } from "./form-store";
import { publishDefinition } from "./publish-definition";
import { startInstance } from "./start-instance";

// A designed form (form-js schema): a required number with a minimum, and a reason shown only for large quantities.
const sampleForm = (min: number, extra: object[] = []) => ({
  type: "default",
  components: [
    { type: "number", id: "F1", key: "quantity", label: "数量", validate: { required: true, min } },
    { type: "textarea", id: "F2", key: "bulkReason", label: "大批量原因", validate: { required: true }, conditional: { hide: "=quantity <= 100" } },
    ...extra,
  ],
});

const FLOW = bpmn(
  "sample_request",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="fill"/>
  <bpmn:userTask id="fill" name="填写样品数量" ff:candidateGroups="purchasing" ff:formKey="sample_qty"/>
  <bpmn:sequenceFlow id="f1" sourceRef="fill" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const kinds = await dbKinds();

describe.each(kinds)("form versions pinned by the processes that use them, on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
  });
  afterAll(() => opened?.close());

  const publishForm = (schema: object, titleZh = "样品数量") => opened.db.$transaction((tx) => publishFormVersion(tx, SYSTEM, { key: "sample_qty", titleZh, titleEn: "Sample quantity", schema, source: "editor" }));
  const fieldErrors = async (p: Promise<unknown>) => p.then(() => ({}), (e) => (isAppError(e) ? e.fieldErrors : Promise.reject(e)));
  const taskOf = async (instanceId: string) => (await openTasks(opened.db, instanceId))[0];

  it("a process naming a form that was never published is refused at publish, naming the step", async () => {
    const err = await publishDefinition(opened.db, SYSTEM, FLOW).catch((e) => e);
    expect(isAppError(err) && err.code).toBe("bpmn_invalid");
    expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unknown_form", elementId: "fill" })]));
  });

  it("versions are immutable: the same schema is not published twice, a change is version 2, audited", async () => {
    expect(await publishForm(sampleForm(1))).toEqual({ version: 1, created: true });
    expect(await publishForm(sampleForm(1))).toEqual({ version: 1, created: false });
    const bad = await publishForm({ type: "default", components: [{ type: "filepicker", key: "f" }] }).catch((e) => e);
    expect(isAppError(bad) && bad.code).toBe("form_schema_invalid");
    expect(await opened.db.formVersion.count({ where: { key: "sample_qty" } })).toBe(1);
    expect(await opened.db.auditLog.count({ where: { action: "form.publish", entityId: "sample_qty@1" } })).toBe(1);
  });

  it("an instance started before a form change keeps the form it started with; new instances get the new one", async () => {
    const v1 = await publishDefinition(opened.db, SYSTEM, FLOW);
    expect(v1.definition.formVersions).toEqual({ sample_qty: 1 });
    const before = await startInstance(opened.db, SYSTEM, { key: "sample_request" });

    // The owner raises the minimum to 10 and adds a required field; the process is published again.
    await publishForm(sampleForm(10, [{ type: "textfield", id: "F3", key: "costCenter", label: "成本中心", validate: { required: true } }]));
    const v2 = await publishDefinition(opened.db, SYSTEM, FLOW);
    expect(v2.created).toBe(true);
    expect(v2.definition.formVersions).toEqual({ sample_qty: 2 });
    const after = await startInstance(opened.db, SYSTEM, { key: "sample_request" });

    const lina = await employee(opened.db, "lina");
    // The running instance still validates against version 1: 5 is enough, no cost centre asked.
    await completeTask(opened.db, lina, { taskId: (await taskOf(before.id)).id, data: { quantity: 5 } });
    expect((await opened.db.processInstance.findUniqueOrThrow({ where: { id: before.id } })).status).toBe("completed");
    // The new one against version 2.
    const task = await taskOf(after.id);
    expect(await fieldErrors(completeTask(opened.db, lina, { taskId: task.id, data: { quantity: 5 } }))).toEqual({ quantity: "validation.number_min?min=10", costCenter: "validation.required" });
    expect((await opened.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("open");
    // Shown by its condition (more than 100), the reason is required; the value of a hidden field is never stored.
    expect(await fieldErrors(completeTask(opened.db, lina, { taskId: task.id, data: { quantity: 150, costCenter: "CC-01" } }))).toEqual({ bulkReason: "validation.required" });
    await completeTask(opened.db, lina, { taskId: task.id, data: { quantity: 50, costCenter: "CC-01", bulkReason: "not asked" } });
    const vars = (await opened.db.processInstance.findUniqueOrThrow({ where: { id: after.id } })).variables as Record<string, unknown>;
    expect(vars).toMatchObject({ quantity: 50, costCenter: "CC-01" });
    expect(vars).not.toHaveProperty("bulkReason");
  });

  it("each published version stays readable as it was", async () => {
    expect((await publishedForm(opened.db, "sample_qty", 1))!.definition.fields.map((f) => f.name)).toEqual(["quantity", "bulkReason"]);
    expect((await publishedForm(opened.db, "sample_qty"))!.definition.fields.map((f) => f.name)).toEqual(["quantity", "bulkReason", "costCenter"]);
  });
});
