import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "./support/auth";
import { en, zh } from "./support/messages";

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

async function expectNoHorizontalScroll(page: Page) {
  const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(size.scrollWidth, `page is ${size.scrollWidth}px wide in a ${size.innerWidth}px window`).toBeLessThanOrEqual(size.innerWidth);
}

/** The folding menu of the shell (the side bar is hidden on a phone). */
function mobileNav(page: Page) {
  return page.locator("details:has([data-testid=mobile-menu]) nav");
}

test("sign-in pages fit a phone", async ({ page }) => {
  for (const path of ["/login", "/portal/login"]) {
    await page.goto(path);
    await expect(page.locator("#username")).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});

test("workbench home fits a phone and the menu button opens the navigation", async ({ page }) => {
  await signInEmployee(page, "chenjing");
  await expectNoHorizontalScroll(page);
  await expect(page.locator("aside")).toBeHidden();

  await expect(mobileNav(page)).toBeHidden();
  await page.getByTestId("mobile-menu").click();
  await expect(mobileNav(page)).toBeVisible();
  await expect(mobileNav(page).getByRole("link", { name: zh("nav.srm"), exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await mobileNav(page).getByRole("link", { name: zh("nav.inbox"), exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/inbox");
  await expect(page.getByRole("heading", { name: zh("nav.inbox") })).toBeVisible();
  // The layout stays mounted across client navigation: the menu must fold itself away.
  await expect(mobileNav(page)).toBeHidden();
  await expectNoHorizontalScroll(page);
});

test("portal home fits a phone and the menu button opens the navigation", async ({ page }) => {
  await signInSupplier(page, "supplier2");
  await expectNoHorizontalScroll(page);

  await page.getByTestId("mobile-menu").click();
  await expect(mobileNav(page)).toBeVisible();
  await mobileNav(page).getByRole("link", { name: zh("nav.portalAccount"), exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/portal/account");
  await expect(page.getByTestId("portal-username")).toHaveText("supplier2");
  await expect(mobileNav(page)).toBeHidden();
  await expectNoHorizontalScroll(page);
});

test("the longer English labels fit a phone too", async ({ page, context, baseURL }) => {
  // The language lives in a cookie; setting it directly keeps the saved choice of the account untouched.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await signInEmployee(page, "yangfan");
  await expect(page.getByTestId("welcome")).toHaveText(en("home.welcome", { name: "杨帆" }));
  await expectNoHorizontalScroll(page);
  await page.getByTestId("mobile-menu").click();
  await expect(mobileNav(page).getByRole("link", { name: en("nav.inbox"), exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
