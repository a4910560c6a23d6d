import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "@/bench/support.mjs";
import { SYSTEM } from "@/lib/auth/actor";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import { createContract } from "@/lib/crm/contracts/create-contract";
import { seedDemo } from "@/lib/demo/seed";
import { proposeSupplierChange } from "@/lib/srm/supplier-change/propose-supplier-change";
import { startInstance } from "@/lib/workflow/start-instance";
import { syncShippedProcesses } from "@/lib/workflow/sync-shipped-processes";
import { ensureBuiltApp, freePort, startAppServer, waitHealthy } from "@/scripts/built-app.mjs";
import { freshDb, postgresAvailable } from "@/test/db";
import { supplierUser } from "@/test/workflow-fixtures";

// Every page route of the production build, each as the first request a fresh server
// process answers after sign-in. A page that fails only when it happens to be loaded
// first (an import cycle evaluated from the wrong end, a registry read before boot
// installed it) fails here, whatever order the other suites warm their servers in.
// Routes come from the build's own manifest: a new page is covered without editing
// this file (a new dynamic segment needs its sample in SAMPLES).

const PARALLEL = 4;
const PASSWORD = "Demo@2026";
/**
 * What a rendering failure leaves in a page answered 200 (the shell was already sent):
 * Next's error shell, or a server error's digest in a streamed boundary. Empty digests
 * (a client-only component's bail-out) and Next's own control flow (NEXT_*) are not errors.
 */
const failedRender = (html: string) => html.includes('id="__next_error__"') || /data-dgst="(?!NEXT_|BAILOUT)[^"]+"/.test(html) || html.includes("data-ff-error-page");

type Sample = Record<string, string>;

/** Who opens a route first: a user of the realm that owns it, with the rights the page needs. */
function userFor(route: string): { realm: "employee" | "supplier"; username: string } | null {
  if (route === "/login" || route === "/portal/login") return null;
  if (route.startsWith("/portal")) return { realm: "supplier", username: "supplier1" };
  if (route.startsWith("/srm") || route.startsWith("/inbox")) return { realm: "employee", username: "liuyang" };
  return { realm: "employee", username: "admin" };
}

/** The page routes of the build (route groups already resolved by Next), both realms. */
function pageRoutes(app: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(app, ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return Object.entries(manifest)
    .filter(([entry, route]) => entry.endsWith("/page") && !route.startsWith("/_"))
    .map(([, route]) => route)
    .sort();
}

/** A route with its dynamic segments filled from the seeded database; null when a segment has no sample. */
function concrete(route: string, samples: Sample): string | null {
  let missing = false;
  const url = route.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const v = samples[`${route}:${name}`];
    if (!v) missing = true;
    return encodeURIComponent(v ?? "");
  });
  return missing ? null : url;
}

describe.runIf(await postgresAvailable())("cold start: every page as the first request of a fresh server", () => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  let app: string;
  const samples: Sample = {};

  beforeAll(async () => {
    app = await ensureBuiltApp(undefined, (m) => console.log(m));
    opened = await freshDb("postgresql");
    const db = opened.db;
    await syncShippedProcesses(db);
    await seedDemo(db);
    // Something in every inbox: a purchase requisition waits for the purchasing group.
    const req = await startInstance(db, SYSTEM, { key: "purchase_requisition", businessKey: "PR-COLD-0001", variables: { title: "冷启动测试", amount: 100 } });
    const groupTask = await db.task.findFirstOrThrow({ where: { instanceId: req.id, status: "open" } });
    const s001 = await db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    const portalTask = await db.task.findFirstOrThrow({ where: { status: "open", candidateSupplierId: s001.id } });
    await db.erpSyncLog.create({ data: { connector: "builtin", direction: "read", operation: "read.products", status: "ok", durationMs: 3 } });
    const log = await db.erpSyncLog.findFirstOrThrow();
    const demoOrder = await db.purchaseOrder.findFirstOrThrow({ where: { supplierId: s001.id } });
    const customer = await db.customer.findFirstOrThrow({ where: { erpId: null } });
    const lead = await db.lead.findFirstOrThrow();
    const article = await db.knowledgeArticle.findFirstOrThrow();
    const opportunity = await db.opportunity.findFirstOrThrow();
    const admin = await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: "admin" } })).id, db);
    const contract = await createContract(db, admin, { customerId: customer.id });
    // A change request S001's administrator proposed in the portal.
    const change = await proposeSupplierChange(db, await supplierUser(db, "supplier1"), { name: s001.name, contactName: s001.contactName, contactPhone: "0512-60000000", address: s001.address, taxCode: s001.taxCode, paymentTermCode: s001.paymentTermCode, bankName: s001.bankName, bankAccount: s001.bankAccount, reason: "冷启动测试" });
    Object.assign(samples, {
      "/inbox/[taskId]:taskId": groupTask.id,
      "/portal/tasks/[taskId]:taskId": portalTask.id,
      "/srm/suppliers/[id]:id": s001.id,
      "/srm/suppliers/[id]/change:id": s001.id,
      "/srm/orders/[id]:id": demoOrder.id,
      "/portal/orders/[id]:id": demoOrder.id,
      "/portal/changes/[id]:id": change.id,
      "/processes/[key]:key": "purchase_requisition",
      "/processes/[key]/edit:key": "purchase_requisition",
      "/processes/[key]/diff:key": "purchase_requisition",
      "/processes/[key]/heatmap:key": "purchase_requisition",
      "/processes/forms/[key]:key": "approval",
      "/processes/instances/[id]:id": req.id,
      "/integration/log/[id]:id": log.id,
      "/crm/customers/[id]:id": customer.id,
      "/crm/customers/[id]/edit:id": customer.id,
      "/crm/customers/[id]/merge:id": customer.id,
      "/crm/leads/[id]:id": lead.id,
      "/crm/knowledge/[id]:id": article.id,
      "/crm/opportunities/[id]:id": opportunity.id,
      "/crm/knowledge/[id]/edit:id": article.id,
      "/crm/contracts/[id]:id": contract.id,
      // The demo has no receipt or return yet: an unknown id, answered 404 (not a server error).
      "/srm/receipts/[id]:id": "00000000-0000-4000-8000-000000000001",
      "/portal/returns/[id]:id": "00000000-0000-4000-8000-000000000002",
      // No requirement or liaison form in the demo: unknown ids, answered 404.
      "/crm/requirements/[id]:id": "00000000-0000-4000-8000-000000000003",
      "/crm/liaison/[id]:id": "00000000-0000-4000-8000-000000000004",
    });
  }, 900_000);

  afterAll(async () => {
    await opened?.close();
  });

  it("answers every page route without a server error", async () => {
    const routes = pageRoutes(app);
    expect(routes.length).toBeGreaterThan(30);
    const unresolved = routes.filter((r) => concrete(r, samples) === null);
    expect(unresolved, "dynamic routes without a sample in SAMPLES").toEqual([]);

    const results: { route: string; status: number; error?: string }[] = [];
    const queue = [...routes];
    const worker = async () => {
      for (let route = queue.shift(); route; route = queue.shift()) {
        const server = startAppServer({
          app,
          port: await freePort(),
          env: { DATABASE_URL: opened.url!, JOB_WORKER: "0", SEED_DEMO: "0", NEXTAUTH_SECRET: "cold-start-test-secret-0123456789abcdef", S3_BUCKET: "" },
        });
        try {
          await waitHealthy(server);
          const who = userFor(route);
          const cookie = who ? await signInCookie(server.base, who.realm, who.username, PASSWORD) : "";
          const res = await fetch(server.base + concrete(route, samples), { headers: cookie ? { cookie } : {}, redirect: "manual" });
          const body = await res.text();
          const failed = res.status >= 500 || (res.status === 200 && failedRender(body));
          results.push({ route, status: res.status, error: failed ? server.output().slice(-1500) : undefined });
        } finally {
          await server.stop();
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const failures = results.filter((r) => r.error);
    expect(failures, failures.map((f) => `${f.route} -> ${f.status}\n${f.error}`).join("\n\n")).toEqual([]);
    expect(results).toHaveLength(routes.length);
  }, 900_000);
});
