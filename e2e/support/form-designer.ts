import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

// Drives the form designer (form-js editor with the product's palette and panel) the way a process owner does.

/** Screenshots for people to look at (Chinese in the palette and the panel, layout), not compared pixel by pixel. */
export const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

export async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

export const designer = (page: Page) => page.getByTestId("form-editor");
export const property = (page: Page, id: string) => page.getByTestId("form-properties").locator(`#bio-properties-panel-${id}`);
export const notice = (page: Page) => page.getByTestId("form-notice");

export async function openDesigner(page: Page, url: string) {
  await page.goto(url);
  await expect(designer(page)).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
}

/** Opens a group of the properties panel unless it is open. */
export async function openGroup(page: Page, id: string) {
  const group = page.getByTestId("form-properties").locator(`[data-group-id="group-${id}"]`);
  const header = group.locator(".bio-properties-panel-group-header").first();
  if (!(await header.getAttribute("class"))?.includes("open")) await header.click();
  return group;
}

/** Adds a component from the palette (Enter on an entry appends it to the form) and selects it on the canvas. */
export async function addField(page: Page, type: string) {
  const fields = page.getByTestId("form-canvas").locator(`.fjs-element[data-field-type="${type}"]`);
  const before = await fields.count();
  // A key press right after typing in the panel can meet the panel's pending (debounced) write and be lost: press again then.
  await expect(async () => {
    if ((await fields.count()) === before) await page.getByTestId("form-palette").locator(`button[data-field-type="${type}"]`).press("Enter");
    await expect(fields).toHaveCount(before + 1, { timeout: 1000 });
  }).toPass();
  await fields.nth(before).click();
  await openGroup(page, "general");
}

/** Fills a properties-panel entry (an input, or the editor of a label that may hold a template); the panel writes it on input. */
export async function setProperty(page: Page, id: string, value: string) {
  const input = property(page, id);
  await input.fill(value);
  // Leaving the entry writes it at once instead of after the panel's debounce.
  await input.blur();
  if (await input.evaluate((e) => e instanceof HTMLInputElement)) await expect(input).toHaveValue(value);
  else await expect(input).toHaveText(value);
}

/** A field as the designer sees it: label and key in the general group, then what it needs. */
export async function addNamedField(page: Page, type: string, label: string, key: string) {
  await addField(page, type);
  await setProperty(page, "label", label);
  await setProperty(page, "key", key);
}
