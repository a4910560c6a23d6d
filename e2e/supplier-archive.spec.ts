import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier, signOut } from "./support/auth";
import { SUPPLIERS } from "./support/demo";
import { zh } from "./support/messages";

/*
 * The supplier archive (SRM-5): from the purchasing overview's tab to one
 * supplier's page. Other journeys change the demo order of S001 in parallel,
 * so this one checks what stays true: whose records are shown, not how far
 * they have come.
 */
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

async function openArchive(page: Page, code: string, company: string) {
  await page.goto("/srm");
  await page.getByRole("link", { name: zh("srm.tabs.suppliers") }).click();
  await expect(page).toHaveURL(/tab=suppliers/);
  await page.locator("#f-q").fill(code);
  await page.getByRole("button", { name: zh("srm.filter.search") }).click();
  await expect(page.getByTestId("supplier-row")).toHaveCount(1);
  await page.getByRole("link", { name: zh("srm.suppliers.open", { name: company }) }).click();
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();
}

test("a buyer opens S001's archive: master data, its portal account, its orders only, history", async ({ page }) => {
  await signInEmployee(page, "lina");
  await openArchive(page, "S001", SUPPLIERS.supplier1.company);
  const id = page.url().split("/").pop()!;
  await expect(page.getByTestId("archive-master")).toContainText("NET30");
  await expect(page.getByTestId("archive-accounts").getByTestId("archive-account")).toContainText(["supplier1"]);
  await expect(page.getByTestId("archive-accounts")).not.toContainText("supplier2");
  const orders = page.getByTestId("archive-orders").getByTestId("order-row");
  await expect(orders.first()).toBeVisible();
  for (const row of await orders.all()) await expect(row).toContainText("S001");
  await expect(page.getByTestId("archive-history").getByTestId("archive-history-entry").first()).toBeVisible();
  await expect(page.getByTestId("figure-orders")).toContainText(zh("srm.archive.ordersTotal"));

  // "All orders" leads to the overview filtered by this supplier.
  await page.getByTestId("archive-orders").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/srm\?q=S001/);
  for (const row of await page.getByTestId("order-row").all()) await expect(row).toContainText("S001");

  // A malformed or unknown id is a 404 page, not an error.
  for (const bad of ["nope", "00000000-0000-4000-8000-000000000000"]) {
    const res = await page.goto(`/srm/suppliers/${bad}`);
    expect(res?.status()).toBe(404);
  }
  // Back to the archive for the screenshots at both widths.
  for (const [name, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 375, height: 812 }]] as const) {
    await page.setViewportSize(viewport);
    await page.goto(`/srm/suppliers/${id}`);
    const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
    await page.screenshot({ path: path.join(SHOTS, `srm-supplier-archive-${name}.png`), fullPage: true });
    await page.goto("/srm?tab=suppliers");
    await page.screenshot({ path: path.join(SHOTS, `srm-suppliers-${name}.png`), fullPage: true });
  }
});

test("the archive is refused to sales (403) and to supplier accounts (wrong realm)", async ({ browser }) => {
  const buyer = await browser.newPage();
  await signInEmployee(buyer, "liuyang");
  await openArchive(buyer, "S002", SUPPLIERS.supplier2.company);
  const url = new URL(buyer.url()).pathname;
  await buyer.close();

  const sales = await browser.newPage();
  await signInEmployee(sales, "sunli");
  const res = await sales.goto(url);
  expect(res?.status()).toBe(403);
  await expect(sales.getByTestId("forbidden")).toHaveText(zh("errors.forbiddenPage"));
  await expect(sales.locator("body")).not.toContainText(SUPPLIERS.supplier2.company);
  await sales.close();

  const portal = await browser.newPage();
  await signInSupplier(portal, "supplier2");
  await portal.goto(url);
  await expect(portal).toHaveURL((u) => u.pathname === "/login");
  await expect(portal.locator("body")).not.toContainText(SUPPLIERS.supplier2.company);
  await portal.close();
});

test("a buyer registers a supplier (errors per field, possible duplicates while typing); purchasing approves its initial review and it becomes potential", async ({ page }) => {
  await signInEmployee(page, "lina");
  await page.goto("/srm?tab=suppliers");
  await page.getByTestId("register-supplier").click();
  await expect(page.getByRole("heading", { level: 1, name: zh("srm.registration.registerTitle") })).toBeVisible();

  // Nothing filled in: each required field says so, nothing is recorded.
  await page.getByTestId("register-submit").click();
  await expect(page.getByRole("alert").filter({ hasText: zh("validation.required") })).toHaveCount(3);
  await expect(page.getByText(zh("validation.pick_from_list")).first()).toBeVisible();
  await expect(page).toHaveURL(/\/srm\/suppliers\/new$/);

  // Typing a name that is on file shows that supplier; registering it anyway is refused.
  await page.locator("#reg-name").fill("苏州精密");
  await expect(page.getByTestId("similar-suppliers")).toContainText(SUPPLIERS.supplier1.company);
  await page.locator("#reg-name").fill(SUPPLIERS.supplier1.company);
  await page.locator("#reg-code").fill("E2E01");
  await page.locator("#reg-taxCode").selectOption("VAT13");
  await page.locator("#reg-paymentTermCode").selectOption("NET30");
  await page.locator("#reg-contactName").fill("周明");
  await page.getByTestId("register-submit").click();
  await expect(page.getByText(zh("validation.supplier_name_taken"))).toBeVisible();

  for (const [name, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 375, height: 812 }]] as const) {
    await page.setViewportSize(viewport);
    const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
    await page.screenshot({ path: path.join(SHOTS, `srm-supplier-register-${name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.locator("#reg-name").fill("E2E 常州精工模具有限公司");
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/srm\/suppliers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "E2E 常州精工模具有限公司" })).toBeVisible();
  await expect(page.locator("[data-status=registered]").first()).toHaveText(zh("srm.supplierStatus.registered"));
  await expect(page.getByTestId("archive-master")).toContainText("VAT13");
  await expect(page.getByTestId("archive-history")).toContainText(zh("admin.audit.actions.supplier_register"));
  // Its initial review (SRM-2) started with the registration.
  await expect(page.getByTestId("archive-processes").getByTestId("archive-process")).toContainText("供应商初审");
  const archive = page.url();

  // Purchasing reviews it with the registration in front of them, and approves.
  await signOut(page, "employee");
  await signInEmployee(page, "liuyang");
  await page.goto("/inbox?view=group&q=E2E01");
  const row = page.getByTestId("task-row").filter({ hasText: "E2E01" });
  await expect(row).toContainText("供应商初审");
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText("供应商初审");
  await expect(page.getByTestId("context-supplierName")).toContainText("E2E 常州精工模具有限公司");
  await expect(page.getByTestId("context-taxCode")).toContainText("VAT13");
  await expect(page.getByTestId("context-contactName")).toContainText("周明");
  await page.screenshot({ path: path.join(SHOTS, "srm-initial-review-desktop.png"), fullPage: true });
  await page.getByRole("radio", { name: "同意" }).check();
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toHaveText(zh("inbox.task.completed"));

  // The status changes in a service task the job worker runs after the completion's commit.
  await expect(async () => {
    await page.goto(archive);
    await expect(page.locator("[data-status=potential]").first()).toHaveText(zh("srm.supplierStatus.potential"), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("archive-history")).toContainText(zh("admin.audit.actions.supplier_potential"));
});

test("a rejected initial review can be sent again, and the new round shows the earlier decision", async ({ page }) => {
  await signInEmployee(page, "liuyang");
  await page.goto("/srm/suppliers/new");
  await page.locator("#reg-code").fill("E2E02");
  await page.locator("#reg-name").fill("E2E 无锡标准件厂");
  await page.locator("#reg-taxCode").selectOption("VAT6");
  await page.locator("#reg-paymentTermCode").selectOption("NET60");
  await page.locator("#reg-contactName").fill("王芳");
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/srm\/suppliers\/[0-9a-f-]{36}$/);
  const archive = page.url();
  await expect(page.getByTestId("review-running")).toBeVisible();
  await expect(page.getByTestId("resubmit-review")).toHaveCount(0);

  const review = async () => {
    await page.goto("/inbox?view=group&q=E2E02");
    await page.getByTestId("task-row").filter({ hasText: "E2E02" }).getByTestId("task-link").click();
    await expect(page.getByTestId("task-title")).toHaveText("供应商初审");
  };
  await review();
  await page.getByRole("radio", { name: "驳回" }).check();
  await page.locator("textarea").first().fill("缺少营业执照");
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toHaveText(zh("inbox.task.completed"));

  await page.goto(archive);
  await expect(page.locator("[data-status=registered]").first()).toBeVisible();
  await page.getByTestId("resubmit-review-button").click();
  await expect(page.getByTestId("review-running")).toBeVisible();
  await expect(page.getByTestId("resubmit-review")).toHaveCount(0);
  await expect(page.getByTestId("archive-history")).toContainText(zh("admin.audit.actions.supplier_review_requested"));

  await review();
  await expect(page.getByTestId("context-earlierReviews")).toContainText("未通过 / rejected: 缺少营业执照");
});
