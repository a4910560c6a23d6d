import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

/** Nothing on the page is wider than the viewport: no clipped column, no sideways scroll. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A diagram's drawing (SVG) is clipped by its own box, which is what is checked.
    const wide = [...document.querySelectorAll("main *")].filter((el) => !el.closest("svg") && el.getBoundingClientRect().right > width + 1).map((el) => `${el.tagName}.${el.getAttribute("data-testid") ?? ""}`);
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const SHOTS_DIR = path.join(process.cwd(), "test-results", "screenshots");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The Chinese page reads as business: no ids, no JSON, no English words (apart from the `allowed` codes and names it shows). */
export async function expectReadsAsChinese(page: Page, allowed: RegExp) {
  const text = (await page.locator("main").innerText()).replace(allowed, "");
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(/[{}]|"\w+":/);
  expect(text).not.toMatch(/[A-Za-z]{4,}/);
}

/** Checks the page reads as Chinese, then screenshots it at desktop and phone width (nothing wider than the phone), back to desktop. */
export async function shootReadable(page: Page, name: string, allowed: RegExp) {
  await expectReadsAsChinese(page, allowed);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  for (const [size, suffix] of [[DESKTOP, "desktop"], [PHONE, "phone"]] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts.ready);
    if (suffix === "phone") await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${suffix}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}
