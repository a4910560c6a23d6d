import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withErrorPage } from "@/scripts/bare-error-page.mjs";

// Next.js answers a failure it cannot render (a page module that throws while loading)
// with a bare plain-text "Internal Server Error". scripts/serve.mjs puts the app's error
// page in its place for people: their language, the realm's wording, a reference in the log.
describe("the error page in place of Next.js's bare 500", () => {
  const logged: { ref: string; path: string }[] = [];
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const page = withErrorPage(process.cwd(), (e) => logged.push(e as { ref: string; path: string }));
    server = http.createServer((req, res) => {
      page(req, res);
      if (req.url?.startsWith("/ok")) return res.end("fine");
      res.statusCode = 500;
      res.setHeader("content-type", "text/plain");
      res.end("Internal Server Error");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("a browser gets the Chinese error page with a reference that is in the log", async () => {
    const res = await fetch(`${base}/srm/suppliers/x`, { headers: { accept: "text/html,*/*" } });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("页面出错了");
    expect(html).toContain('href="/"');
    expect(html).not.toContain("Internal Server Error");
    const ref = /data-testid="error-reference"[^>]*>([^<]+)</.exec(html)?.[1];
    expect(logged.at(-1)).toMatchObject({ ref, path: "/srm/suppliers/x" });
  });

  it("in English with the cookie, in the portal's wording under /portal", async () => {
    const html = await (await fetch(`${base}/portal/tasks`, { headers: { accept: "text/html", cookie: "NEXT_LOCALE=en" } })).text();
    expect(html).toContain('lang="en"');
    expect(html).toContain('href="/portal"');
    expect(html).toContain('data-ff-error-page="portal"');
  });

  it("machines and other answers are left alone", async () => {
    expect(await (await fetch(`${base}/api/x`, { headers: { accept: "application/json" } })).text()).toBe("Internal Server Error");
    expect(await (await fetch(`${base}/ok`, { headers: { accept: "text/html" } })).text()).toBe("fine");
  });
});
