import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { replaceInitialPassword, signInError, signInSupplier, submitSignIn } from "./support/auth";
import { SUPPLIERS } from "./support/demo";
import { DESKTOP, employeePage, openDialog } from "./support/admin-pages";
import { zh } from "./support/messages";

// SRM-10: a password someone else chose is replaced at first sign-in; a supplier's own
// administrator manages its colleagues; an employee administrator resets a password.
// Only accounts made here change their passwords: other journeys sign in as the demo users.

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const stamp = Date.now().toString(36);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Desktop and phone screenshots; nothing scrolls sideways, and no id or message key shows. */
async function shootBoth(page: Page, name: string) {
  for (const [size, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => document.fonts.ready);
    const box = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(box.scrollWidth, `${name} at ${size} width`).toBeLessThanOrEqual(box.innerWidth);
    const text = await page.locator("body").innerText();
    expect(text, name).not.toMatch(UUID);
    expect(text, name).not.toMatch(/portalAccount\.|admin\.supplierAccounts\./);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

/** The error shown under a form control (Field renders it beside the control). */
function fieldError(page: Page, controlId: string) {
  return page.locator(`#${controlId}`).locator("xpath=..").getByRole("alert");
}

async function portalPage(browser: Browser) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

test("an administrator opens a portal account and resets its password; the supplier must replace the shown one, by the rules", async ({ browser }) => {
  const user = { username: `pa.${stamp}`, name: `门户新人${stamp}`, typed: `Typed-${stamp}1` };
  const s2 = SUPPLIERS.supplier2;
  const admin = await employeePage(browser, "admin");
  await admin.goto("/admin/supplier-accounts");
  const create = admin.getByRole("dialog", { name: zh("admin.supplierAccounts.new") });
  await openDialog(admin.getByTestId("supplier-user-new"), create);
  await create.locator("#su-supplier").selectOption({ label: `S002 · ${s2.company}` });
  await create.locator("#su-username").fill(user.username);
  await create.locator("#su-name").fill(user.name);
  await create.locator("#su-password").fill(user.typed);
  await create.getByTestId("supplier-user-save").click();
  await expect(create).toBeHidden();
  const row = admin.getByTestId(`supplier-user-${user.username}`);
  await expect(row).toContainText(zh("admin.supplierAccounts.passwordDue"));

  // The reset asks first, then shows the new initial password once.
  const reset = admin.getByRole("dialog", { name: zh("admin.supplierAccounts.resetTitle") });
  await openDialog(row.getByTestId("supplier-user-reset"), reset);
  await expect(reset).toContainText(zh("admin.supplierAccounts.resetConfirm", { name: user.name, username: user.username }));
  await shootBoth(admin, "admin-supplier-reset-confirm");
  await reset.getByTestId("supplier-user-reset-confirm").click();
  const shown = reset.getByTestId("initial-password");
  await expect(shown).toHaveText(/^[A-Za-z2-9]{12}$/);
  const initial = (await shown.textContent())!.trim();
  await shootBoth(admin, "admin-supplier-reset-done");
  await reset.getByTestId("initial-password-noted").click();
  await expect(reset).toBeHidden();
  await admin.context().close();

  const portal = await portalPage(browser);
  await portal.goto("/portal/login");
  // The password the administrator typed is gone with the reset.
  await submitSignIn(portal, "supplier", user.username, user.typed);
  await expect(signInError(portal)).toHaveText(zh("errors.invalid_credentials"));
  await submitSignIn(portal, "supplier", user.username, initial);
  await portal.waitForURL((url) => url.pathname === "/portal/password");
  await expect(portal.getByRole("heading", { name: zh("portalAccount.password.dueTitle"), level: 1 })).toBeVisible();
  // Every other page, and the API, wait for the change.
  for (const url of ["/portal", "/portal/tasks", "/portal/account"]) {
    await portal.goto(url);
    await expect(portal, url).toHaveURL((u) => u.pathname === "/portal/password");
  }
  const api = await portal.request.get("/api/workflow/tasks?view=mine");
  expect(api.status()).toBe(403);
  expect((await api.json()).error).toEqual({ code: "password_change_required", message: zh("errors.password_change_required") });
  await expect(portal.getByTestId("password-rules")).toContainText(zh("portalAccount.password.ruleLength", { min: 8 }));
  await shootBoth(portal, "portal-password-due");

  // Too short: refused on its field, with the rule; nothing changes.
  await portal.locator("#pw-current").fill(initial);
  await portal.locator("#pw-new").fill("ab12");
  await portal.locator("#pw-repeat").fill("ab12");
  await portal.getByTestId("password-save").click();
  await expect(fieldError(portal, "pw-new")).toHaveText(zh("portalAccount.rules.tooShort", { min: 8 }));
  await shootBoth(portal, "portal-password-refused");
  await expect(portal).toHaveURL((u) => u.pathname === "/portal/password");

  await replaceInitialPassword(portal, initial, `Mine${stamp}2026`);
  await expect(portal.getByTestId("portal-welcome")).toHaveText(zh("portal.welcome", { name: user.name }));

  // Not the supplier's administrator: the colleagues' page is the 403 page.
  const refused = await portal.goto("/portal/account/users");
  expect(refused?.status()).toBe(403);
  await expect(portal.getByTestId("forbidden")).toHaveText(zh("errors.forbiddenPage"));
  await portal.goto("/portal/account");
  await expect(portal.getByTestId("portal-role")).toHaveText(zh("portalAccount.account.roleUser"));
  await expect(portal.getByTestId("portal-manage-users")).toHaveCount(0);
  await portal.context().close();
});

test("supplier1, its company's administrator, adds a colleague and deactivates them; the colleague can no longer sign in", async ({ browser }) => {
  const colleague = { username: `s1c.${stamp}`, name: `钱同事${stamp}` };
  const page = await portalPage(browser);
  await signInSupplier(page, "supplier1");
  await page.goto("/portal/account");
  await expect(page.getByTestId("portal-role")).toHaveText(zh("portalAccount.account.roleAdmin"));
  await shootBoth(page, "portal-account-admin");
  await page.getByTestId("portal-manage-users").click();
  await page.waitForURL("**/portal/account/users");
  await expect(page.getByRole("heading", { name: zh("portalAccount.users.title"), level: 1 })).toBeVisible();
  // Only S001's accounts; supplier1 cannot switch itself off.
  await expect(page.locator("main")).not.toContainText("supplier2");
  await expect(page.getByTestId("colleague-supplier1").getByTestId("colleague-active")).toHaveCount(0);

  const dialog = page.getByRole("dialog", { name: zh("portalAccount.users.new") });
  await openDialog(page.getByTestId("colleague-new"), dialog);
  await dialog.locator("#col-username").fill("supplier2");
  await dialog.locator("#col-name").fill(colleague.name);
  await dialog.getByTestId("colleague-save").click();
  await expect(fieldError(page, "col-username")).toHaveText(zh("validation.taken"));
  await dialog.locator("#col-username").fill(colleague.username);
  await dialog.getByTestId("colleague-save").click();
  await expect(dialog).toBeHidden();
  const shown = page.getByTestId("initial-password");
  await expect(shown).toHaveText(/^[A-Za-z2-9]{12}$/);
  const initial = (await shown.textContent())!.trim();
  const row = page.getByTestId(`colleague-${colleague.username}`);
  await expect(row).toContainText(zh("portalAccount.users.passwordDue"));
  await shootBoth(page, "portal-colleagues");

  // The colleague's account works: it signs in and is asked for its own password.
  const other = await portalPage(browser);
  await other.goto("/portal/login");
  await submitSignIn(other, "supplier", colleague.username, initial);
  await other.waitForURL((url) => url.pathname === "/portal/password");

  await page.getByTestId("initial-password-noted").click();
  const confirm = page.getByRole("dialog", { name: zh("portalAccount.users.deactivate") });
  await openDialog(row.getByTestId("colleague-active"), confirm);
  await expect(confirm).toContainText(zh("portalAccount.users.confirmDeactivate", { name: colleague.name }));
  await confirm.getByTestId("colleague-confirm").click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText(zh("common.inactive"));
  await shootBoth(page, "portal-colleagues-deactivated");

  // Its open session ends, and it cannot sign in again.
  await other.goto("/portal/password");
  await expect(other).toHaveURL((u) => u.pathname === "/portal/login");
  await submitSignIn(other, "supplier", colleague.username, initial);
  await expect(signInError(other)).toHaveText(zh("errors.account_inactive"));
  await other.context().close();
  await page.context().close();
});
