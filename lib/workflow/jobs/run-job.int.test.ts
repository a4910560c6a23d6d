import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { bpmn, employee } from "@/test/workflow-fixtures";
import { cancelInstance } from "../cancel-instance";
import { publishDefinition } from "../publish-definition";
import { installModules } from "../registry";
import { startInstance } from "../start-instance";
import { runDueJobs } from "./worker";

const FLOW = bpmn(
  "svc_cancelled",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="call"/>
  <bpmn:serviceTask id="call" name="调用外部系统" ff:handler="test.cancelled_meanwhile"/>
  <bpmn:sequenceFlow id="f1" sourceRef="call" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

// The instance is cancelled by an operator while its service call runs, then the call fails for good.
installModules([
  {
    name: "test-run-job",
    serviceHandlers: [
      {
      name: "test.cancelled_meanwhile",
      labelZh: "测试",
      labelEn: "Test",
      maxAttempts: 1,
      async run({ db, instanceId }) {
        await cancelInstance(db, await employee(db, "admin"), { id: instanceId, reason: "withdrawn" });
        throw new Error("ERP unavailable");
      },
      },
    ],
  },
]);

const kinds = await dbKinds();

describe.each(kinds)("job failure on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await publishDefinition(opened.db, SYSTEM, FLOW);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("a final failure on an instance cancelled meanwhile marks the job failed but never makes the instance an incident", async () => {
    const db = opened.db;
    const started = await startInstance(db, SYSTEM, { key: "svc_cancelled", businessKey: "CANCEL-1" });
    const job = await db.job.findFirstOrThrow({ where: { instanceId: started.id, kind: "service" } });
    await db.job.update({ where: { id: job.id }, data: { maxAttempts: 1 } });
    expect(await runDueJobs(db)).toBe(1);
    const inst = await db.processInstance.findUniqueOrThrow({ where: { id: started.id } });
    expect(inst).toMatchObject({ status: "cancelled", incident: null });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "failed", lastError: "ERP unavailable" });
    const types = (await db.instanceEvent.findMany({ where: { instanceId: started.id }, orderBy: { at: "asc" } })).map((e) => e.type);
    expect(types).toContain("job.failed");
    expect(types).not.toContain("instance.incident");
  });
});
