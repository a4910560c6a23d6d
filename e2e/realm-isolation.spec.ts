import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "./support/auth";
import { EMPLOYEE_NAMES, SUPPLIERS } from "./support/demo";
import { zh } from "./support/messages";
import { callServerAction, findServerAction } from "./support/server-actions";

/** Nothing that only an employee may see: names of staff, the workbench frame. */
async function expectNoWorkbench(page: Page) {
  const html = await page.content();
  for (const [username, name] of Object.entries(EMPLOYEE_NAMES)) {
    expect(html, `employee ${username} (${name}) leaked`).not.toContain(name);
  }
  await expect(page.getByTestId("welcome")).toHaveCount(0);
  await expect(page.locator("aside")).toHaveCount(0);
  for (const key of ["nav.inbox", "nav.srm", "nav.admin"]) {
    await expect(page.getByRole("link", { name: zh(key), exact: true })).toHaveCount(0);
  }
}

test.describe("a supplier session", () => {
  test.beforeEach(async ({ page }) => {
    await signInSupplier(page, "supplier1");
  });

  for (const path of ["/", "/admin", "/srm", "/inbox"]) {
    test(`gets nothing of the workbench at ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("notice") === "wrongRealm");
      await expect(page.getByRole("status")).toHaveText(zh("auth.wrongRealm"));
      await expect(page.getByRole("heading", { name: zh("auth.employeeTitle") })).toBeVisible();
      await expectNoWorkbench(page);
    });
  }
});

test.describe("an employee session", () => {
  test.beforeEach(async ({ page }) => {
    await signInEmployee(page, "lina");
  });

  for (const path of ["/portal", "/portal/account"]) {
    test(`gets nothing of the portal at ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL((url) => url.pathname === "/portal/login" && url.searchParams.get("notice") === "wrongRealm");
      await expect(page.getByRole("status")).toHaveText(zh("auth.wrongRealm"));
      await expect(page.getByRole("heading", { name: zh("auth.supplierTitle") })).toBeVisible();
      const html = await page.content();
      for (const s of Object.values(SUPPLIERS)) {
        expect(html).not.toContain(s.company);
        expect(html).not.toContain(s.user);
      }
      await expect(page.getByTestId("portal-welcome")).toHaveCount(0);
      await expect(page.getByTestId("portal-supplier")).toHaveCount(0);
    });
  }
});

// An employee-only server action from the admin area, found in the build by name.
const EMPLOYEE_ACTION = { file: "app/(workbench)/admin/groups/actions.ts", exportName: "createGroupAction" };

test("a supplier session calling an employee server action directly is refused, and nothing changes", async ({ page, browser, baseURL }) => {
  const action = findServerAction(EMPLOYEE_ACTION.file, EMPLOYEE_ACTION.exportName);
  const origin = new URL(baseURL!).origin;
  const stamp = Date.now().toString(36);
  const attempted = { key: `e2e_supplier_${stamp}`, nameZh: `供应商越权${stamp}`, nameEn: `Supplier attempt ${stamp}` };

  await signInSupplier(page, "supplier2");
  const call = await callServerAction(page.request, origin, action, [attempted]);
  expect(call.status, call.body).toBe(200);
  expect(call.result, call.body).toMatchObject({ ok: false, error: { code: "forbidden" } });

  // The administrator sees the groups: a control made through the same call
  // is there, the supplier's attempt is not.
  const adminPage = await (await browser.newContext()).newPage();
  try {
    await signInEmployee(adminPage, "admin");
    const control = { key: `e2e_admin_${stamp}`, nameZh: `管理员对照${stamp}`, nameEn: `Admin control ${stamp}` };
    const ok = await callServerAction(adminPage.request, origin, action, [control]);
    expect(ok.result, ok.body).toMatchObject({ ok: true });

    await adminPage.goto(action.pagePath);
    await expect(adminPage.getByText(control.key, { exact: true })).toBeVisible();
    await expect(adminPage.getByText(attempted.key, { exact: false })).toHaveCount(0);
    expect(await adminPage.content()).not.toContain(attempted.key);
  } finally {
    await adminPage.context().close();
  }
});
