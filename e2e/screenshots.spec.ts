import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "./support/auth";

// For people to look at (fonts, layout), not compared pixel by pixel.
const DIR = path.join(process.cwd(), "test-results", "screenshots");

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 375, height: 812 } },
];

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: path.join(DIR, `${name}.png`), fullPage: true });
}

for (const { name: size, viewport } of VIEWPORTS) {
  test.describe(`screenshots at ${size} width`, () => {
    test.use({ viewport });

    test("sign-in pages", async ({ page }) => {
      await page.goto("/login");
      await expect(page.locator('form button[type="submit"]')).toBeEnabled();
      await shoot(page, `login-${size}`);
      await page.goto("/portal/login");
      await expect(page.locator('form button[type="submit"]')).toBeEnabled();
      await shoot(page, `portal-login-${size}`);
    });

    test("workbench home", async ({ page }) => {
      await signInEmployee(page, "admin");
      await shoot(page, `workbench-home-${size}`);
      if (size === "phone") {
        await page.getByTestId("mobile-menu").click();
        await shoot(page, `workbench-menu-${size}`);
      }
    });

    test("portal home", async ({ page }) => {
      await signInSupplier(page, "supplier1");
      await shoot(page, `portal-home-${size}`);
    });
  });
}
