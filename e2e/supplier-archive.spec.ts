import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { replaceInitialPassword, signInEmployee, signInError, signInSupplier, signOut, submitSignIn } from "./support/auth";
import { SUPPLIERS } from "./support/demo";
import { zh } from "./support/messages";
import { register } from "./support/srm-pages";

/*
 * The supplier archive (SRM-5): from the purchasing overview's tab to one
 * supplier's page. Other journeys change the demo order of S001 in parallel,
 * so this one checks what stays true: whose records are shown, not how far
 * they have come.
 */
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** A full-page screenshot at desktop and at phone width, then back to desktop. */
async function shootBoth(page: Page, name: string) {
  if (await page.getByTestId("bpmn-diagram").count()) await expect(page.getByTestId("bpmn-diagram")).toHaveAttribute("data-ready", "true");
  for (const [size, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

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
  await expect(page.getByTestId("order-row").first()).toBeVisible();
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
  await shootBoth(page, "task-supplier-initial-review");
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
  const archive = await register(page, { code: "E2E02", name: "E2E 无锡标准件厂", tax: "VAT6", term: "NET60", contact: "王芳" });
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

test("re-review: documents first, then a closed account with an initial password; quality approves and the supplier signs in", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await browser.newPage();
  await signInEmployee(page, "liuyang");
  const archive = await register(page, { code: "E2E03", name: "E2E 扬州包装材料厂", tax: "VAT13", term: "NET30", contact: "赵敏" });
  // liuyang is in purchasing: he passes its initial review himself.
  await page.goto("/inbox?view=group&q=E2E03");
  await page.getByTestId("task-row").filter({ hasText: "E2E03" }).getByTestId("task-link").click();
  await page.getByRole("radio", { name: "同意" }).check();
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toBeVisible();
  await expect(async () => {
    await page.goto(archive);
    await expect(page.getByTestId("start-re-review")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // Without documents the re-review is refused; after the upload it starts and shows the initial password once.
  await page.getByTestId("start-re-review-button").click();
  await expect(page.getByTestId("start-re-review").getByText(zh("errors.supplier_documents_missing"))).toBeVisible();
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  await page.getByTestId("archive-files").getByTestId("file-input").setInputFiles({ name: "营业执照.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(page.getByTestId("archive-files").getByTestId("file")).toContainText("营业执照.pdf");
  // The upload answered the refusal: it is gone.
  await expect(page.getByText(zh("errors.supplier_documents_missing"))).toHaveCount(0);
  await page.getByTestId("start-re-review-button").click();
  const password = (await page.getByTestId("initial-password").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
  // While the password is still shown, the archive already has the new account, closed, and the running re-review.
  await expect(page.getByTestId("archive-accounts")).toContainText(zh("srm.archive.pendingOpen"));
  await expect(page.getByTestId("re-review-running")).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "srm-re-review-started-desktop.png"), fullPage: true });
  await page.getByTestId("initial-password-noted").click();
  await expect(page.getByTestId("re-review-running")).toBeVisible();
  await expect(page.getByTestId("archive-accounts")).toContainText(zh("srm.archive.pendingOpen"));
  await expect(page.getByTestId("initial-password")).toHaveCount(0);
  await page.close();

  // Closed until the re-review approves.
  const portal = await browser.newPage();
  await portal.goto("/portal/login");
  await submitSignIn(portal, "supplier", "e2e03", password);
  await expect(signInError(portal)).toHaveText(zh("errors.account_pending"));

  const quality = await browser.newPage();
  await signInEmployee(quality, "chenjing");
  await quality.goto("/inbox?view=group&q=E2E03");
  await quality.getByTestId("task-row").filter({ hasText: "E2E03" }).getByTestId("task-link").click();
  await expect(quality.getByTestId("task-title")).toHaveText("供应商复核");
  await expect(quality.getByTestId("context-documents")).toContainText("营业执照.pdf");
  await expect(quality.getByTestId("context-portalUsername")).toContainText("e2e03");
  // The documents under review are on the task's attachments, under the supplier's heading, and open.
  const documents = quality.locator('[data-testid=files-section][data-owner-type="Supplier"]');
  await expect(documents).toContainText(zh("inbox.files.sections.Supplier"));
  const licence = documents.getByRole("link", { name: "营业执照.pdf", exact: true });
  const download = await quality.request.get((await licence.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await shootBoth(quality, "task-supplier-re-review");
  await quality.getByRole("radio", { name: "同意" }).check();
  await quality.getByTestId("task-complete").click();
  await expect(quality.getByTestId("task-done")).toBeVisible();
  await quality.close();

  // The account opens with the approval (a service task after the commit).
  await expect(async () => {
    await portal.goto("/portal/login");
    await submitSignIn(portal, "supplier", "e2e03", password);
    // The initial password was not the supplier's choice: the portal asks for a new one first.
    await portal.waitForURL((url) => url.pathname === "/portal/password", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await replaceInitialPassword(portal, password, "Yangzhou2026");
  await expect(portal.getByTestId("portal-welcome")).toBeVisible();
  await expect(portal.locator("body")).toContainText("E2E 扬州包装材料厂");
  await portal.close();
});
