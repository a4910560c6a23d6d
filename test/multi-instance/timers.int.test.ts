import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { publishDefinition } from "@/lib/workflow/publish-definition";
import { startInstance } from "@/lib/workflow/start-instance";
import { ensureBuiltApp, freePort, startAppServer, waitHealthy, type AppServer } from "@/scripts/built-app.mjs";
import { freshDb, postgresAvailable } from "@/test/db";
import { bpmn } from "@/test/workflow-fixtures";

// Two real server processes (production build) share one PostgreSQL database;
// 200 instances each wait on a 2-second intermediate timer. Every timer must fire
// exactly once, and both servers' job workers must have taken part.
const COUNT = 200;
const LEASE_MS = 3000;

const XML = bpmn(
  "timer_fanout",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="wait"/>
  <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="f1" sourceRef="wait" targetRef="after"/>
  <bpmn:userTask id="after" name="计时后处理" ff:candidateGroups="purchasing"/>
  <bpmn:sequenceFlow id="f2" sourceRef="after" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(await postgresAvailable())("two app instances on one PostgreSQL, 200 timers", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  const servers: AppServer[] = [];

  beforeAll(async () => {
    const app = await ensureBuiltApp(undefined, (m) => console.log(m));
    opened = await freshDb("postgresql");
    for (let i = 0; i < 2; i++) {
      servers.push(
        startAppServer({
          app,
          port: await freePort(),
          env: { DATABASE_URL: opened.url!, JOB_POLL_MS: "100", JOB_LEASE_MS: String(LEASE_MS), NEXTAUTH_SECRET: "multi-instance-test-secret-0123456789", S3_BUCKET: "" },
        }),
      );
    }
    await Promise.all(servers.map((s) => waitHealthy(s)));
  }, 600_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await opened?.close();
  });

  it("every timer fires exactly once and both workers share the work", async () => {
    const db = opened.db;
    await publishDefinition(db, SYSTEM, XML);
    const ids: string[] = [];
    for (let i = 0; i < COUNT; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, k) => startInstance(db, SYSTEM, { key: "timer_fanout", businessKey: `TF-${i + k}` })));
      ids.push(...batch.map((b) => b.id));
    }
    expect(await db.job.count({ where: { kind: "timer", instanceId: { in: ids } } })).toBe(COUNT);

    const until = Date.now() + 90_000;
    for (;;) {
      const [after, outstanding] = await Promise.all([
        db.task.count({ where: { instanceId: { in: ids }, elementId: "after" } }),
        db.job.count({ where: { instanceId: { in: ids }, status: { in: ["pending", "running"] } } }),
      ]);
      if ((after === COUNT && outstanding === 0) || Date.now() > until) break;
      await sleep(200);
    }
    // Longer than a lease: a job claimed twice would have run its second time by now.
    await sleep(LEASE_MS + 500);

    const [instances, fired, tasks, jobs] = await Promise.all([
      db.processInstance.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, version: true } }),
      db.instanceEvent.groupBy({ by: ["instanceId"], where: { instanceId: { in: ids }, type: "timer.fired" }, _count: { _all: true } }),
      db.task.findMany({ where: { instanceId: { in: ids } }, select: { instanceId: true, elementId: true, status: true } }),
      db.job.findMany({ where: { instanceId: { in: ids } }, select: { instanceId: true, kind: true, status: true, lockedBy: true } }),
    ]);
    const left = await db.instanceEvent.groupBy({ by: ["instanceId"], where: { instanceId: { in: ids }, type: "element.left", elementId: "wait" }, _count: { _all: true } });

    expect(instances.filter((i) => i.status !== "running")).toEqual([]);
    // start + timer: two steps each, never a third from a repeated firing
    expect(instances.filter((i) => i.version !== 2)).toEqual([]);
    expect(fired).toHaveLength(COUNT);
    expect(fired.filter((f) => f._count._all !== 1)).toEqual([]);
    expect(left).toHaveLength(COUNT);
    expect(left.filter((f) => f._count._all !== 1)).toEqual([]);
    // past the timer exactly once: one task behind it per instance
    expect(tasks).toHaveLength(COUNT);
    expect(new Set(tasks.map((t) => t.instanceId)).size).toBe(COUNT);
    expect(tasks.every((t) => t.elementId === "after" && t.status === "open")).toBe(true);
    expect(jobs).toHaveLength(COUNT);
    expect(jobs.filter((j) => j.kind !== "timer" || j.status !== "done")).toEqual([]);

    // lockedBy is "<pid>-<random>" of the worker that ran the job
    const byPid = new Map<number, number>();
    for (const j of jobs) {
      const pid = Number(String(j.lockedBy).split("-")[0]);
      byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
    }
    console.log("timer jobs per server process:", Object.fromEntries(byPid));
    const serverPids = servers.map((s) => s.child.pid!);
    expect([...byPid.keys()].sort()).toEqual([...serverPids].sort());
    for (const pid of serverPids) expect(byPid.get(pid)).toBeGreaterThan(0);
  }, 180_000);
});
