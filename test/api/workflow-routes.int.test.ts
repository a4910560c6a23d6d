import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { syncShippedProcesses } from "@/lib/workflow/sync-shipped-processes";
import { freshDb } from "@/test/db";
import { employee, supplierUser } from "@/test/workflow-fixtures";

// POST /api/workflow/processes/{key}/instances, the route handler itself: the same start
// rule as the start page, 201 for a new instance, 200 with the same instance for a repeated
// Idempotency-Key, 409 for a business key used twice where the process forbids it.
const ctx = vi.hoisted(() => ({ actor: null as Actor | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => ctx.actor }));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db/client")>()), getDb: async () => ctx.db }));
const { POST } = await import("@/app/api/workflow/processes/[key]/instances/route");
const { GET: listTasks } = await import("@/app/api/workflow/tasks/route");
const { POST: complete } = await import("@/app/api/workflow/tasks/[id]/complete/route");
const completeVia = (taskId: string, data: unknown) =>
  complete(new Request(`http://localhost/api/workflow/tasks/${taskId}/complete`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ data }) }), { params: Promise.resolve({ id: taskId }) });

const start = (key: string, body: unknown, headers: Record<string, string> = {}) =>
  POST(new Request(`http://localhost/api/workflow/processes/${key}/instances`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ key }),
  });

describe("POST /api/workflow/processes/{key}/instances", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let s001: string;
  beforeAll(async () => {
    opened = await freshDb("pglite");
    ctx.db = opened.db;
    await syncShippedProcesses(opened.db);
    await seedDemo(opened.db);
    s001 = (await opened.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
  });
  afterAll(() => opened?.close());
  beforeEach(async () => {
    ctx.actor = await employee(opened.db, "sunli");
  });

  it("a sales user cannot start the order confirmation for a supplier: 403, nothing in the portal", async () => {
    const res = await start("purchase_order_confirmation", { supplierId: s001, data: {} });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: "process_not_startable", message: "您无权发起此流程，或此流程只能由系统发起。" });
    expect(await opened.db.processInstance.count({ where: { definition: { key: "purchase_order_confirmation" }, startedBy: ctx.actor!.id } })).toBe(0);
    ctx.actor = await supplierUser(opened.db, "supplier1");
    expect((await start("purchase_requisition", { data: { title: "x", amount: 1 } })).status).toBe(403);
    ctx.actor = null;
    expect((await start("purchase_requisition", { data: { title: "x", amount: 1 } })).status).toBe(401);
  });

  it("an Idempotency-Key makes a repeated request answer the first instance", async () => {
    const body = { data: { title: "安全帽 20 顶", amount: 600 } };
    const a = await start("purchase_requisition", body, { "idempotency-key": "k-1" });
    const b = await start("purchase_requisition", body, { "idempotency-key": "k-1" });
    expect([a.status, b.status]).toEqual([201, 200]);
    const [ja, jb] = [await a.json(), await b.json()];
    expect(jb.id).toBe(ja.id);
    expect(await opened.db.processInstance.count({ where: { startKey: { endsWith: ":k-1" } } })).toBe(1);
  });

  it("the same business key twice: the second is refused with 409, not a second approval", async () => {
    const body = { businessKey: "PR-EXT-1", data: { title: "防护眼镜", amount: 80 } };
    expect((await start("purchase_requisition", body)).status).toBe(201);
    const again = await start("purchase_requisition", body);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("business_key_taken");
    expect(await opened.db.processInstance.count({ where: { businessKey: "PR-EXT-1" } })).toBe(1);
  });

  it("rejecting through the API without a reason is refused, as in the inbox; with one it goes through", async () => {
    ctx.actor = await employee(opened.db, "lina");
    const started = await (await start("purchase_requisition", { data: { title: "液压油 200 升", amount: 3000 } })).json();
    const task = await opened.db.task.findFirstOrThrow({ where: { instanceId: started.id, status: "open" } });
    ctx.actor = await employee(opened.db, "liuyang");
    const refused = await completeVia(task.id, { decision: "reject" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fieldErrors).toEqual({ comment: "驳回时请填写原因。" });
    expect((await opened.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("open");
    expect((await completeVia(task.id, { decision: "reject", comment: "预算已用完" })).status).toBe(200);
  });

  it("NUL characters and lone surrogates are cleaned at the boundary, never a 500", async () => {
    const res = await start("purchase_requisition", { data: { title: "螺\u0000丝\ud800", amount: 5, reason: "\udc00" } });
    expect(res.status).toBe(201);
    const inst = await opened.db.processInstance.findUniqueOrThrow({ where: { id: (await res.json()).id } });
    expect((inst.variables as { title: string }).title).toBe("螺丝\ufffd");
    // The inbox search with a NUL in the query: cleaned, answered (it failed in PostgreSQL before).
    ctx.actor = await employee(opened.db, "lina");
    for (const q of ["%00", "%E8%9E%BA%00", "%ED%A0%80"]) {
      const list = await listTasks(new Request(`http://localhost/api/workflow/tasks?view=group&q=${q}`));
      expect(list.status, q).toBe(200);
    }
    const bad = await POST(new Request("http://localhost/api/workflow/processes/purchase_requisition/instances", { method: "POST", body: "{not json" }), { params: Promise.resolve({ key: "purchase_requisition" }) });
    expect(bad.status).toBe(400);
  });
});
