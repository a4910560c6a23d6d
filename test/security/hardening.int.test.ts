import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "@/bench/support.mjs";
import { THROTTLE } from "@/lib/auth/throttle";
import { MAX_DIAGRAM_CHARS, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limits.mjs";
import { ensureBuiltApp, freePort, startAppServer, waitHealthy, type AppServer } from "@/scripts/built-app.mjs";

// Findings of a security probe, against the real production server (scripts/serve.mjs
// over the build of the working tree, each server on a fresh PGlite folder). Requests
// go to 127.0.0.1, so the socket peer is 127.0.0.1 (IPv4-mapped on a dual-stack socket).
// SECURITY_APP_DIR tests another build instead (e.g. one of an older commit).

const PASSWORD = "Demo@2026";
const HEALTH_TOKEN = "health-test-token-0123456789";
const EN = JSON.parse(fs.readFileSync(path.join(__dirname, "../../lib/i18n/messages/en.json"), "utf8")).errors as Record<string, string>;
const ZH = JSON.parse(fs.readFileSync(path.join(__dirname, "../../lib/i18n/messages/zh-CN.json"), "utf8")).errors as Record<string, string>;

type Running = { server: AppServer; base: string; dir: string };

async function start(env: Record<string, string>): Promise<Running> {
  const app = process.env.SECURITY_APP_DIR ?? (await ensureBuiltApp(undefined, (m) => console.log(m)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ff-security-"));
  const port = await freePort();
  const server = startAppServer({
    app,
    port,
    env: {
      PGLITE_DIR: path.join(dir, "pglite"),
      FILE_STORAGE_DIR: path.join(dir, "files"),
      DATABASE_URL: "",
      S3_BUCKET: "",
      JOB_WORKER: "0",
      NEXTAUTH_SECRET: "security-test-secret-0123456789abcdef",
      ...env,
    },
  });
  await waitHealthy(server, 300_000);
  return { server, base: `http://127.0.0.1:${port}`, dir };
}

async function stop(r: Running | undefined) {
  if (!r) return;
  await r.server.stop();
  fs.rmSync(r.dir, { recursive: true, force: true });
}

/** One employee sign-in through next-auth; returns the error code it answered with, or "ok". */
async function attemptSignIn(base: string, username: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/employee`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const url = res.headers.get("location") ?? ((await res.json()) as { url: string }).url;
  const error = new URL(url, base).searchParams.get("error");
  return error ? error.split(":")[0] : "ok";
}

/** A built server action and a page to POST it to, from the build's manifest. */
function serverAction(app: string, file: string, name: string): { id: string; page: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(app, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const hit = Object.entries(manifest.node).find(([, e]) => e.filename?.endsWith(file) && e.exportedName === name);
  if (!hit) throw new Error(`${file}#${name} is not in the build`);
  const worker = Object.keys(hit[1].workers).find((w) => w.endsWith("/processes/new/page"));
  if (!worker) throw new Error(`${name} is not used by /processes/new`);
  return { id: hit[0], page: "/processes/new" };
}

describe("the built server, as served to everyone", () => {
  let r: Running;
  let action: { id: string; page: string };
  let admin: string;

  beforeAll(async () => {
    r = await start({ HEALTH_TOKEN });
    const app = process.env.SECURITY_APP_DIR ?? (await ensureBuiltApp(undefined, () => {}));
    action = serverAction(app, "app/(workbench)/processes/actions.ts", "checkDiagramAction");
    admin = await signInCookie(r.base, "employee", "admin", PASSWORD);
  }, 900_000);

  afterAll(() => stop(r));

  const callAction = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(r.base + action.page, {
      method: "POST",
      headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
      body,
    });

  describe("/api/health", () => {
    it("tells anonymous callers only whether it is ready", async () => {
      const res = await fetch(`${r.base}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    });

    it("tells an administrator or the holder of HEALTH_TOKEN the details", async () => {
      for (const headers of [{ cookie: admin }, { authorization: `Bearer ${HEALTH_TOKEN}` }] as Record<string, string>[]) {
        const res = await fetch(`${r.base}/api/health`, { headers });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { status: string; database: { mode: string; migrations: { pending: string[] } } };
        expect(body.status).toBe("ok");
        expect(body.database.mode).toBe("pglite");
        expect(body.database.migrations.pending).toEqual([]);
      }
    });

    it("keeps the details from other employees, suppliers and wrong tokens", async () => {
      const lina = await signInCookie(r.base, "employee", "lina", PASSWORD);
      const supplier = await signInCookie(r.base, "supplier", "supplier1", PASSWORD);
      for (const headers of [{ cookie: lina }, { cookie: supplier }, { authorization: "Bearer wrong" }, { authorization: HEALTH_TOKEN }] as Record<string, string>[]) {
        const res = await fetch(`${r.base}/api/health`, { headers });
        expect(await res.json(), JSON.stringify(headers)).toEqual({ status: "ok" });
      }
    });
  });

  describe("server actions", () => {
    it("accept the largest diagram the editor allows", async () => {
      // A diagram of the largest size, with CJK text: 3 bytes a character in UTF-8.
      const xml = `<?xml version="1.0"?><!-- ${"流程".repeat(MAX_DIAGRAM_CHARS / 2 - 20)} -->`.slice(0, MAX_DIAGRAM_CHARS);
      const body = JSON.stringify([{ xml }]);
      expect(Buffer.byteLength(body)).toBeGreaterThan(5_000_000);
      const res = await callAction(body, { origin: r.base });
      expect(res.status).toBe(200);
      // The action ran (and refused the anonymous caller in its own words).
      expect(await res.text()).toContain("unauthenticated");
    });

    it("answer 413 for a body over the limit", async () => {
      const res = await callAction(JSON.stringify([{ xml: "x".repeat(SERVER_ACTION_BODY_LIMIT_BYTES) }]));
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: { code: "request_too_large", message: ZH.request_too_large } });
    });

    it("answer 413 for a body over the limit sent without a length", async () => {
      const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent++ < 8) c.enqueue(chunk);
          else c.close();
        },
      });
      const res = await fetch(r.base + action.page, {
        method: "POST",
        headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(res.status).toBe(413);
    });

    it("answer 400 for a body React cannot decode", async () => {
      expect((await callAction("not json {")).status).toBe(400);
      expect((await callAction(new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]))).status).toBe(400);
      expect((await callAction('{"not":"a list"}')).status).toBe(400);
      const broken = await callAction("--b\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[]", { "content-type": "multipart/form-data; boundary=zzz" });
      expect(broken.status).toBe(400);
      expect(await broken.json()).toEqual({ error: { code: "validation", message: ZH.validation } });
    });

    it("answer 403 for a call from another site", async () => {
      const res = await callAction("[{}]", { origin: "http://evil.example", cookie: admin });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: "forbidden", message: ZH.forbidden } });
      expect((await callAction("[{}]", { origin: "null" })).status).toBe(403);
    });

    it("still run when called from the app's own pages", async () => {
      for (const origin of [r.base, r.server.base]) {
        const res = await callAction("[{}]", { origin, cookie: admin });
        expect(res.status, origin).toBe(200);
      }
    });
  });

  describe("route handlers under /api", () => {
    it("refuse a cross-site post with the user's cookie (403, in the user's language)", async () => {
      // The route itself would answer 400 (no file).
      const zh = await fetch(`${r.base}/api/files`, { method: "POST", headers: { cookie: admin, origin: "https://evil.example" }, body: new FormData() });
      expect(zh.status).toBe(403);
      expect(await zh.json()).toEqual({ error: { code: "forbidden", message: ZH.forbidden } });

      const en = await fetch(`${r.base}/api/workflow/tasks/00000000-0000-4000-8000-000000000000/complete`, {
        method: "POST",
        headers: { cookie: `${admin}; NEXT_LOCALE=en`, origin: "https://evil.example", "content-type": "application/json" },
        body: "{}",
      });
      expect(en.status).toBe(403);
      expect(await en.json()).toEqual({ error: { code: "forbidden", message: EN.forbidden } });
    });

    it("let same-origin and Origin-less callers through to the route", async () => {
      for (const headers of [{ cookie: admin, origin: r.base }, { cookie: admin, origin: r.server.base }, { cookie: admin }] as Record<string, string>[]) {
        const res = await fetch(`${r.base}/api/files`, { method: "POST", headers, body: new FormData() });
        // The route itself answers: no file.
        expect(res.status, JSON.stringify(headers)).toBe(400);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation");
      }
    });

    it("leave next-auth and the ERP webhook to their own checks", async () => {
      const hook = await fetch(`${r.base}/api/erp/webhook`, { method: "POST", headers: { origin: "https://erp.example", "content-type": "application/json" }, body: '{"event":"poll"}' });
      expect(hook.status).toBe(401);
      const signOut = await fetch(`${r.base}/api/auth/signout`, { method: "POST", redirect: "manual", headers: { origin: "https://evil.example" } });
      expect(signOut.status).not.toBe(403);
    });

    it("pass a large upload on whole (Next.js buffers bodies for the proxy)", async () => {
      const f = new FormData();
      f.set("ownerType", "Nothing");
      f.set("ownerId", "x1");
      f.set("file", new Blob([new Uint8Array(15 * 1024 * 1024)], { type: "application/pdf" }), "big.pdf");
      const res = await fetch(`${r.base}/api/files`, { method: "POST", headers: { cookie: admin, origin: r.base }, body: f });
      // A body cut short would fail as a missing file (400); whole, the owner is refused.
      expect(res.status).toBe(403);
    });
  });

  describe("sign-in limit per address", () => {
    it("counts failures against the socket address, whatever X-Forwarded-For claims", async () => {
      const limit = THROTTLE.perIp.points;
      for (let i = 1; i <= limit; i++) {
        const answer = await attemptSignIn(r.base, `nobody-${i}`, "wrong", { "x-forwarded-for": `198.51.100.${i}` });
        expect(answer, `attempt ${i}`).toBe("invalid_credentials");
      }
      expect(await attemptSignIn(r.base, `nobody-${limit + 1}`, "wrong", { "x-forwarded-for": "203.0.113.250" })).toBe("throttled");
    }, 300_000);
  });
});

describe("behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1)", () => {
  let r: Running;

  beforeAll(async () => {
    r = await start({ TRUSTED_PROXIES: "127.0.0.1", SEED_DEMO: "0" });
  }, 900_000);

  afterAll(() => stop(r));

  it("counts failures against the address the proxy forwarded", async () => {
    const limit = THROTTLE.perIp.points;
    // Different clients behind the proxy: nobody is held back.
    for (let i = 1; i <= limit + 1; i++) {
      expect(await attemptSignIn(r.base, `someone-${i}`, "wrong", { "x-forwarded-for": `198.51.100.${i}` }), `client ${i}`).toBe("invalid_credentials");
    }
    // One client (whatever it put left of the proxy's entry): held back after the limit.
    for (let i = 1; i <= limit; i++) {
      expect(await attemptSignIn(r.base, `other-${i}`, "wrong", { "x-forwarded-for": `10.0.0.${i}, 203.0.113.9` })).toBe("invalid_credentials");
    }
    expect(await attemptSignIn(r.base, "other-last", "wrong", { "x-forwarded-for": "203.0.113.9" })).toBe("throttled");
    // ...and only that client.
    expect(await attemptSignIn(r.base, "other-last", "wrong", { "x-forwarded-for": "203.0.113.10" })).toBe("invalid_credentials");
  }, 300_000);
});
