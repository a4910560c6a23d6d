import { expect, test } from "@playwright/test";
import { submitSignIn } from "./support/auth";
import { DEMO_PASSWORD } from "./support/demo";

test.describe("before the sign-in script has loaded", () => {
  test.use({ javaScriptEnabled: false });

  for (const path of ["/login", "/portal/login"]) {
    test(`${path} never sends the password in the address`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('form button[type="submit"]')).toBeDisabled();
      await page.locator("#username").fill("lina");
      await page.locator("#password").fill(DEMO_PASSWORD);
      await page.locator("#password").press("Enter");
      await page.waitForLoadState();
      expect(page.url()).not.toContain("password");
      expect(page.url()).not.toContain(encodeURIComponent(DEMO_PASSWORD));
    });
  }
});

test.describe("where a sign-in leads (?next=)", () => {
  // Accounts no other spec signs out, so these sessions stay put.
  test("a next that points to another site lands on the workbench home", async ({ page, baseURL }) => {
    await page.goto("/login?next=/%5Cevil.example/x");
    await submitSignIn(page, "employee", "wumin", DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expect(page.getByTestId("welcome")).toBeVisible();
  });

  test("a next inside the workbench is followed", async ({ page }) => {
    await page.goto("/login?next=/inbox");
    await submitSignIn(page, "employee", "zhenghao", DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/inbox");
  });

  test("a portal sign-in pointed at another site or at the workbench lands on the portal home", async ({ page, baseURL }) => {
    await page.goto("/portal/login?next=%2F%2Fevil.example%2Fportal");
    await submitSignIn(page, "supplier", "supplier2", DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/portal");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
});
