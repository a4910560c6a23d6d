import { expect, test } from "@playwright/test";
import { signInError, submitSignIn } from "./support/auth";
import { DEMO_PASSWORD } from "./support/demo";
import { zh } from "./support/messages";

// The throttle is kept in the database for the whole run: no other spec may sign in as xuming.
const USER = "xuming";

test("five wrong passwords hold the account back, even from the right password", async ({ page }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answer = await submitSignIn(page, "employee", USER, `wrong-password-${attempt}`);
    expect(answer.status(), `attempt ${attempt}`).toBe(401);
    await expect(signInError(page)).toHaveText(zh("errors.invalid_credentials"));
  }

  await submitSignIn(page, "employee", USER, DEMO_PASSWORD);
  // The minutes left are computed at run time; everything else is the translation.
  const [before, after] = zh("errors.throttled").split("{minutes}");
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(signInError(page)).toHaveText(new RegExp(`^${escape(before)}\\d+${escape(after)}$`));
  await expect(signInError(page)).toContainText("登录失败次数过多");

  // Still signed out.
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await expect(page.getByTestId("welcome")).toHaveCount(0);
});
