// The approved commercial review written to a real Tryton 6.0 as a sale.sale quotation
// (scripts/tryton/ensure-tryton.sh; skipped without TRYTON_URL), exactly once: also when
// the worker is killed between "Tryton accepted" and "the app recorded" (a real SIGKILL
// in a child process, on PostgreSQL; an in-memory PGlite cannot be shared with it).
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { makeOpportunity, theOpenTask } from "@/test/crm/review-kit";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { TrytonPeer } from "@/test/erp/tryton-peer";
import { saveConnection } from "@/lib/erp/connection";
import { completeTask } from "@/lib/workflow/complete-task";
import { startOpportunityReview } from "./start-review";

process.env.ERP_SECRET_KEY ??= "review-tryton-secret";
const peer = new TrytonPeer();
const skip = await peer.unavailable();
if (skip) console.warn(`opportunity review on Tryton skipped: ${skip}`);
const kinds = await dbKinds();
const run = Date.now().toString(36).toUpperCase();

describe.skipIf(!!skip).each(kinds)("opportunity review written to Tryton, app on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let productCode = "";
  beforeAll(async () => {
    t = await erpTestDb(kind);
    productCode = (await peer.prepare()).productCode;
    const c = peer.connection();
    await saveConnection(t.db, await t.actor("admin"), { kind: "tryton", url: c.url!, database: c.database!, username: c.username!, password: c.password!, pollSeconds: 60 });
    await t.db.job.deleteMany({ where: { kind: "erp.poll" } });
  });
  afterAll(async () => t?.close());

  /** The worker in a child process that SIGKILLs itself right after Tryton accepted the sale. */
  function crashingWorker() {
    return new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "test/erp/run-jobs-child.ts"], {
        cwd: process.cwd(),
        env: { ...process.env, CHILD_DB_URL: t.url, ERP_FAULT_AFTER_SEND: "recordSalesOrder", LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("exit", (_code, signal) => resolve({ signal, out }));
    });
  }

  it("an approved commercial review creates one sale.sale quotation with its lines; its number is read back onto the opportunity", async () => {
    const code = `OPR${run}${kind === "pglite" ? "A" : "B"}`;
    const o = await makeOpportunity(t.db, code, "quotation", [{ productCode, description: "Test part", quantity: 40, unitPrice: 25, discountPct: 4, unitCost: 12, unitCode: "u" }]);
    const r = await startOpportunityReview(t.db, await t.actor("majun"), { opportunityId: o.id });
    await completeTask(t.db, await t.actor("heqiang"), { taskId: (await theOpenTask(t.db, r.instanceId)).id, data: { decision: "approve" } });
    await completeTask(t.db, await t.actor("huangting"), { taskId: (await theOpenTask(t.db, r.instanceId)).id, data: { decision: "approve" } });

    if (kind === "postgresql") {
      const crashed = await crashingWorker();
      expect(crashed.signal, crashed.out).toBe("SIGKILL");
      // Tryton has the quotation; the app has not recorded it, and the write's job is stuck as running.
      expect(await peer.countSalesOrders(code)).toBe(1);
      expect((await t.db.opportunity.findUniqueOrThrow({ where: { id: o.id } })).erpSaleId).toBeNull();
      expect(await t.db.job.count({ where: { kind: "erp.write", instanceId: r.instanceId, status: "running" } })).toBe(1);
    }
    // Another worker (after the lease): the connector finds the sale by its reference.
    await drainJobs(t.db);

    expect(await peer.countSalesOrders(code)).toBe(1);
    const [sale] = await peer.rpc.model<{ id: number; number: string; state: string; lines: number[] }[]>("sale.sale", "search_read", [["reference", "=", code]], 0, 1, null, ["number", "state", "lines"]);
    expect(sale).toMatchObject({ state: "quotation" });
    expect(sale.number).toMatch(/\S/);
    const [line] = await peer.rpc.model<{ quantity: number; unit_price: unknown }[]>("sale.line", "read", sale.lines, ["quantity", "unit_price"]);
    expect(line.quantity).toBe(40);
    // The net price: 25.00 less 4 %.
    expect(Number((line.unit_price as { decimal?: string }).decimal ?? line.unit_price)).toBeCloseTo(24);
    const after = await t.db.opportunity.findUniqueOrThrow({ where: { id: o.id } });
    expect(after).toMatchObject({ erpSaleId: String(sale.id), erpSaleNumber: sale.number });
    expect(await t.db.job.count({ where: { kind: "erp.write", status: { not: "done" } } })).toBe(0);
  });
});
