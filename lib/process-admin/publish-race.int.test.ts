import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import fs from "node:fs";
import { employee } from "@/test/workflow-fixtures";
import { publishProcess } from "./publish-process";
import { saveDraft } from "./save-draft";

// Who may publish and whether a key is free are decided once, where the version is
// written: two designers publishing a new process under one key at the same moment
// cannot both take it, and the check of the key is inside the writing transaction.
const SHIPPED = fs.readFileSync("processes/purchase-requisition.bpmn", "utf8");
/** A complete diagram (with its drawing, as the editor sends it) under another key and task name. */
const flow = (key: string, task: string) => SHIPPED.replace(/purchase_requisition(?!_start)/g, key).replace('name="采购部审核"', `name="${task}"`);

describe.each(await dbKinds())("publishing on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
  });
  afterAll(() => opened?.close());

  it("two new diagrams under one key at the same moment: one version, the other refused as taken", async () => {
    const admin = await employee(opened.db, "admin");
    const results = await Promise.allSettled([
      publishProcess(opened.db, admin, { xml: flow("tool_request", "甲审批"), editingKey: null }),
      publishProcess(opened.db, admin, { xml: flow("tool_request", "乙审批"), editingKey: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "duplicate", fieldErrors: { key: "processes.editor.keyTaken" } });
    expect(await opened.db.processDefinition.count({ where: { key: "tool_request" } })).toBe(1);
  });

  it("a new diagram cannot take a key a draft holds; a non-designer is refused before anything is parsed or written", async () => {
    const admin = await employee(opened.db, "admin");
    await saveDraft(opened.db, admin, { xml: flow("seal_request", "用印审批"), editingKey: null });
    await expect(publishProcess(opened.db, admin, { xml: flow("seal_request", "另一个"), editingKey: null })).rejects.toMatchObject({ code: "duplicate" });
    await expect(publishProcess(opened.db, await employee(opened.db, "lina"), { xml: "<not-xml", editingKey: null })).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishProcess(opened.db, admin, { xml: flow("seal_request", "用印审批"), editingKey: "seal_request" })).resolves.toMatchObject({ key: "seal_request", version: 1 });
  });
});
