import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "./support/auth";
import { en, zh } from "./support/messages";

test("an unknown page gives the translated not-found page", async ({ page }) => {
  const res = await page.goto("/no-such-page-e2e");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: zh("errors.notFoundPage") })).toBeVisible();
  await expect(page.getByText(zh("errors.not_found"))).toBeVisible();
  await expect(page.getByRole("link", { name: zh("errors.backHome") })).toHaveAttribute("href", "/");
});

test("a sales employee opening /admin gets the translated 403 page, not an error", async ({ page }) => {
  await signInEmployee(page, "sunli");
  // Sales has no org.view: the workbench does not even offer the link.
  await expect(page.locator("aside nav").getByRole("link", { name: zh("nav.admin"), exact: true })).toHaveCount(0);

  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toHaveText(zh("errors.forbiddenPage"));
  await expect(page.getByText(zh("errors.forbidden"))).toBeVisible();
  await expect(page.getByText(zh("errors.internal"))).toHaveCount(0);
});

// Server errors, forced through the E2E_FAULTS test hook (lib/log/fault-hook.ts): the
// header x-ff-fault names the layout that throws while rendering. The server answers
// 500 with Next's error shell and the browser shows the app's own page in it.
type Fault = { where: "render" | "portal" | "root"; label: string; realm: "workbench" | "portal"; path: string; home: string };
const FAULTS: Fault[] = [
  { where: "render", label: "the workbench layout", realm: "workbench", path: "/", home: "/" },
  { where: "portal", label: "the portal layout", realm: "portal", path: "/portal", home: "/portal" },
  { where: "root", label: "the root layout (workbench page)", realm: "workbench", path: "/", home: "/" },
  { where: "root", label: "the root layout (portal page)", realm: "portal", path: "/portal/tasks", home: "/portal" },
];

async function signInFor(page: Page, realm: Fault["realm"]) {
  if (realm === "portal") await signInSupplier(page, "supplier1");
  else await signInEmployee(page, "lina");
}

async function openWithFault(page: Page, fault: Fault) {
  await page.setExtraHTTPHeaders({ "x-ff-fault": fault.where });
  const res = await page.goto(fault.path);
  expect(res?.status()).toBe(500);
  expect(await res?.text()).not.toContain("Internal Server Error");
  await expect(page.locator("[data-ff-error-page]")).toHaveAttribute("data-ff-error-page", fault.realm);
}

for (const fault of FAULTS) {
  for (const locale of ["zh-CN", "en"] as const) {
    test(`a server error in ${fault.label} shows the app's error page in ${locale}`, async ({ page, context, baseURL }) => {
      if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
      const m = locale === "en" ? en : zh;
      const portal = fault.realm === "portal";
      await signInFor(page, fault.realm);
      await openWithFault(page, fault);

      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { name: m("crash.title") })).toBeVisible();
      await expect(page.getByText(m(portal ? "crash.portalMessage" : "crash.message"))).toBeVisible();
      await expect(page.getByText(m("crash.reference"), { exact: true })).toBeVisible();
      await expect(page.getByTestId("error-reference")).toHaveText(/^\S+$/);
      await expect(page.getByRole("button", { name: m("crash.retry") })).toBeVisible();
      await expect(page.getByRole("link", { name: m(portal ? "crash.portalHome" : "crash.home") })).toHaveAttribute("href", fault.home);
      await expect(page.getByText("Internal Server Error")).toHaveCount(0);
      if (locale === "zh-CN") {
        // Nothing English on the Chinese page: the only Latin characters allowed are the reference's.
        const text = await page.locator("[data-ff-error-page]").innerText();
        const ref = await page.getByTestId("error-reference").innerText();
        expect(text.replace(ref, "")).not.toMatch(/[A-Za-z]/);
      }

      // Once the cause is gone, retry brings the page back without a reload.
      await page.setExtraHTTPHeaders({});
      await page.getByRole("button", { name: m("crash.retry") }).click();
      await expect(page.locator("[data-ff-error-page]")).toHaveCount(0);
      await expect(page.getByTestId("current-user")).toBeVisible();
    });
  }
}

// For people to look at (fonts, the reference readable on a phone), not compared pixel by pixel.
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

for (const fault of FAULTS.filter((f) => f.where !== "root" || f.realm === "workbench")) {
  const name = fault.where === "root" ? "global" : fault.realm;
  test(`screenshots of the ${name} error page`, async ({ page }) => {
    await signInFor(page, fault.realm);
    for (const { name: size, viewport } of SIZES) {
      await page.setViewportSize(viewport);
      await openWithFault(page, fault);
      await expect(page.getByTestId("error-reference")).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `error-${name}-${size}.png`), fullPage: true });
    }
  });
}
