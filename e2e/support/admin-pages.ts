import { expect, type Browser, type Locator } from "@playwright/test";
import { signInEmployee } from "./auth";
import { DEMO_PASSWORD } from "./demo";

export const DESKTOP = { width: 1280, height: 900 };

/** A fresh context in Chinese on Shanghai time, signed in as the employee. */
export async function employeePage(browser: Browser, username: string, viewport: { width: number; height: number } = DESKTOP, password = DEMO_PASSWORD) {
  const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signInEmployee(page, username, password);
  return page;
}

/** Opens a dialog with its button; a click before hydration does nothing, so try again until it opens. */
export async function openDialog(button: Locator, dialog: Locator) {
  await expect(async () => {
    await button.click({ timeout: 2_000 });
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
}
