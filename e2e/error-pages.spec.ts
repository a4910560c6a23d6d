import { expect, test } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { zh } from "./support/messages";

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
