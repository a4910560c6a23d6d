import { expect, test } from "@playwright/test";
import { signInEmployee, signOut } from "./support/auth";
import { EMPLOYEE_NAMES } from "./support/demo";
import { en, zh } from "./support/messages";

// zhangwei is used by this journey only: the language it saves stays in the database.
const USER = "zhangwei";
const NAME = EMPLOYEE_NAMES[USER];

test("employee signs in, works in Chinese, switches to English, and the choice sticks", async ({ page }) => {
  await signInEmployee(page, USER);

  await test.step("the workbench is in Chinese", async () => {
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByTestId("welcome")).toHaveText(zh("home.welcome", { name: NAME }));
    const sideNav = page.locator("aside nav");
    for (const key of ["nav.home", "nav.inbox", "nav.srm", "nav.crm", "nav.reports", "nav.admin"]) {
      await expect(sideNav.getByRole("link", { name: zh(key), exact: true })).toBeVisible();
    }
    await expect(page.getByTestId("current-user")).toHaveText(NAME);
  });

  await test.step("the switcher turns it into English", async () => {
    await page.getByTestId("locale-switcher").selectOption("en");
    await expect(page.getByTestId("welcome")).toHaveText(en("home.welcome", { name: NAME }));
    await expect(page.locator("aside nav").getByRole("link", { name: en("nav.srm"), exact: true })).toBeVisible();
    await expect(page.locator("aside nav").getByRole("link", { name: zh("nav.srm"), exact: true })).toHaveCount(0);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  await test.step("English survives a reload", async () => {
    await page.reload();
    await expect(page.getByTestId("welcome")).toHaveText(en("home.welcome", { name: NAME }));
    await expect(page.getByTestId("locale-switcher")).toHaveValue("en");
  });

  await test.step("and signing out and in again", async () => {
    await signOut(page, "employee");
    await expect(page.getByRole("status")).toHaveText(en("auth.signedOut"));
    await expect(page.getByRole("heading", { name: en("auth.employeeTitle") })).toBeVisible();
    await signInEmployee(page, USER);
    await expect(page.getByTestId("welcome")).toHaveText(en("home.welcome", { name: NAME }));
    await expect(page.locator("aside nav").getByRole("link", { name: en("nav.inbox"), exact: true })).toBeVisible();
  });

  await test.step("signs out", async () => {
    await signOut(page, "employee");
    await expect(page.getByRole("status")).toHaveText(en("auth.signedOut"));
    // Signed out means the workbench is closed again.
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/login");
    await expect(page.getByTestId("welcome")).toHaveCount(0);
  });
});
