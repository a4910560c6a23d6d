import { expect, test } from "@playwright/test";
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
