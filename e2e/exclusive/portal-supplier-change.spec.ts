import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "../support/auth";
import { shootReadable } from "../support/layout";
import { zh } from "../support/messages";
import { openGroupTask } from "../support/srm-pages";

// SRM-4 from the portal: supplier1 (S001's portal administrator) proposes a change of its
// own data, pre-filled with the archive; purchasing approves it in its inbox with the same
// diff as a buyer's proposal; the portal then shows it applied. supplier2 (another
// supplier) gets the 404 page for that request. Changes S001's contact phone (a new one
// each run), hence exclusive.

const shoot = (page: Page, name: string) => shootReadable(page, name, /SC-\d{8}-\d{4}|VAT\d+|NET\d+|S\d{3}/g);

test("供应商管理员在门户申请变更本公司资料，采购审批通过，门户显示已生效", async ({ browser }) => {
  test.setTimeout(180_000);
  const phone = `0512-6688 ${String(Date.now() % 10_000).padStart(4, "0")}`;
  const supplier = await browser.newPage();
  await signInSupplier(supplier, "supplier1");
  await supplier.goto("/portal/account");
  await supplier.getByTestId("portal-propose-change").click();
  await expect(supplier.locator("h1")).toHaveText(zh("portalChanges.formTitle"));
  // Pre-filled with the archive's data.
  await expect(supplier.locator("#chg-contactName")).toHaveValue("钱峰");
  await expect(supplier.locator("#chg-taxCode")).toHaveValue("VAT13");
  await supplier.locator("#chg-contactPhone").fill(phone);
  await shoot(supplier, "portal-change-form");
  // A reason is required.
  await supplier.getByTestId("change-submit").click();
  await expect(supplier.locator("#chg-reason")).toHaveAttribute("aria-invalid", "true");
  await supplier.locator("#chg-reason").fill("公司总机号码变更");
  await supplier.getByTestId("change-submit").click();
  await expect(supplier).toHaveURL(/\/portal\/changes\?sent=1$/);
  await expect(supplier.getByText(zh("portalChanges.sent"))).toBeVisible();
  const card = supplier.getByTestId("portal-change").first();
  await expect(card.getByTestId("portal-change-status")).toHaveText(zh("srm.change.status.pending"));
  await expect(card.locator('tr[data-changed="联系电话"] [data-testid="diff-new"]')).toHaveText(phone);
  const number = (await card.getAttribute("data-number"))!;
  expect(number).toMatch(/^SC-\d{8}-\d{4}$/);
  await shoot(supplier, "portal-changes-pending");
  // The portal home shows it under review.
  await supplier.goto("/portal");
  await expect(supplier.getByTestId("portal-home-changes").getByTestId("portal-home-change").filter({ hasText: number })).toContainText("联系电话");
  await supplier.getByTestId("portal-home-changes").scrollIntoViewIfNeeded();
  await supplier.getByTestId("portal-home-changes").screenshot({ path: "test-results/screenshots/portal-home-changes-desktop.png" });

  // Purchasing reviews the same diff in its inbox and approves.
  const lead = await browser.newPage();
  await signInEmployee(lead, "liuyang");
  await expect(async () => {
    await openGroupTask(lead, number, "采购部审核变更");
  }).toPass({ timeout: 30_000 });
  const diff = lead.getByTestId("context-changes");
  await expect(diff.locator('tr[data-changed="联系电话"] [data-testid="diff-new"]')).toHaveText(phone);
  await expect(diff.locator("tr[data-changed]")).toHaveCount(1);
  await lead.getByRole("radio", { name: "同意" }).check();
  await lead.getByTestId("task-complete").click();
  await expect(lead.getByTestId("task-done")).toBeVisible();
  await lead.close();

  // The supplier sees it applied.
  await expect(async () => {
    await supplier.goto("/portal/changes");
    await expect(supplier.getByTestId("portal-change").filter({ hasText: number }).getByTestId("portal-change-status")).toHaveText(zh("srm.change.status.approved"), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await supplier.getByTestId("portal-change").filter({ hasText: number }).getByRole("link").click();
  await expect(supplier.locator("h1")).toHaveText(zh("portalChanges.detailTitle", { number }));
  await shoot(supplier, "portal-change-detail");
  const url = supplier.url();
  await supplier.close();

  // Another supplier opening that request gets the 404 page, which names nothing of it.
  const other = await browser.newPage();
  await signInSupplier(other, "supplier2");
  const res = await other.goto(url);
  expect(res?.status()).toBe(404);
  await expect(other.locator("h1")).toHaveText(zh("errors.notFoundPage"));
  await expect(other.locator("body")).not.toContainText(number);
  await other.close();
});
