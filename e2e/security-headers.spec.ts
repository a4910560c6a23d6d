import { expect, test, type Page, type Response } from "@playwright/test";
import { signInEmployee, signInSupplier } from "./support/auth";

// Every page answers with a nonce Content-Security-Policy (proxy.ts) and the static
// security headers (next.config.js); the pages still work under them: no script, style
// or image of ours is refused, the sign-in and the bpmn-js editor included.

/** Collects what Chromium reports about refused content (and page errors) while `page` lives. */
function cspReports(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) seen.push(m.text());
  });
  page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

async function expectSecurityHeaders(res: Response | null) {
  expect(res, "a response").not.toBeNull();
  const headers = res!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("script-src 'self' 'nonce-");
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The camera (visit photos) and the location (visit logs) only for the app itself; the rest for nobody.
  expect(headers["permissions-policy"]).toContain("camera=(self)");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  // Next.js put the request's nonce on every script of the page.
  const scripts = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
  return nonce!;
}

test("the sign-in page has the headers, a fresh nonce per request, and signing in works under them", async ({ page }) => {
  const reports = cspReports(page);
  const first = await expectSecurityHeaders(await page.goto("/login"));
  const second = await expectSecurityHeaders(await page.goto("/login"));
  expect(second).not.toBe(first);

  await signInEmployee(page, "lina");
  await expect(page.getByTestId("welcome")).toBeVisible();
  expect(reports).toEqual([]);
});

test("markup injected into a page cannot run script, and the browser reports it", async ({ page }) => {
  const reports = cspReports(page);
  await page.goto("/login");
  // What an XSS would inject: an event handler in markup (a <script> in innerHTML never runs anyway).
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.innerHTML = `<img src="data:," onerror="document.body.dataset.injected = 'ran'" onload="document.body.dataset.injected = 'ran'">`;
    document.body.append(div);
  });
  await expect.poll(() => reports.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
});

test("workbench pages have the headers; the BPMN editor works under the policy", async ({ page }) => {
  const reports = cspReports(page);
  await signInEmployee(page, "admin");
  await expectSecurityHeaders(await page.goto("/processes"));

  await expectSecurityHeaders(await page.goto("/processes/new"));
  await expect(page.getByTestId("bpmn-modeler")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(page.locator(".djs-palette")).toBeVisible();
  // The check of the diagram is a server action: it went through proxy.ts and came back.
  await expect(page.getByTestId("problem-list").locator('li[data-code="no_end"]')).toBeVisible();
  // A client-side navigation loads more scripts, allowed through 'strict-dynamic'.
  await page.locator('nav a[href="/processes"]').first().click();
  await page.waitForURL((url) => url.pathname === "/processes");
  await page.waitForLoadState("networkidle");
  expect(reports).toEqual([]);
});

test("portal pages have the headers", async ({ page }) => {
  const reports = cspReports(page);
  await expectSecurityHeaders(await page.goto("/portal/login"));
  await signInSupplier(page, "supplier2");
  await expectSecurityHeaders(await page.goto("/portal"));
  await expect(page.getByTestId("portal-welcome")).toBeVisible();
  expect(reports).toEqual([]);
});

test("the app cannot be framed, not even by one of its own pages", async ({ page }) => {
  await page.goto("/login");
  await page.evaluate(() => {
    const frame = document.createElement("iframe");
    frame.src = "/portal/login";
    document.body.append(frame);
  });
  // The browser refuses to show the page in the frame: an error page takes its place.
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
});
