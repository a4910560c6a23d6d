import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier, signOut } from "./support/auth";
import { SUPPLIERS } from "./support/demo";
import { zh } from "./support/messages";

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

async function expectNoHorizontalScroll(page: Page) {
  const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(size.scrollWidth, `page is ${size.scrollWidth}px wide in a ${size.innerWidth}px window`).toBeLessThanOrEqual(size.innerWidth);
}

test("inbox, start form, task page, substitutes and notifications fit a phone", async ({ page }) => {
  await signInEmployee(page, "lina");
  await page.goto("/inbox/start?key=purchase_requisition");
  await expectNoHorizontalScroll(page);
  await page.locator("#start-title").fill("E2E 手机端申请：一个相当长的采购事项名称，用来检查换行");
  await page.locator("#start-amount").fill("2600");
  await page.getByTestId("start-submit").click();
  const key = (await page.getByTestId("started-business-key").getAttribute("data-business-key"))!;
  await expectNoHorizontalScroll(page);

  // On a phone the list is cards, not the table.
  await page.goto(`/inbox?view=started&q=${key}`);
  const card = page.getByTestId("task-card").filter({ hasText: key });
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute("data-due-state", "ontime");
  await expect(page.getByTestId("task-table")).toBeHidden();
  await expectNoHorizontalScroll(page);
  await page.goto("/inbox");
  await expectNoHorizontalScroll(page);

  await page.goto(`/inbox?view=started&q=${key}`);
  await page.getByTestId("task-card").filter({ hasText: key }).getByRole("link").first().click();
  await expect(page.getByTestId("task-title")).toHaveText("采购部审核");
  await expect(page.getByTestId("bpmn-diagram")).toHaveAttribute("data-ready", "true");
  await expectNoHorizontalScroll(page);

  for (const path of ["/inbox/substitutes", "/inbox/notifications"]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
  await page.getByTestId("notification-bell").click();
  await expect(page.getByTestId("notification-panel")).toBeVisible();
  const box = await page.getByTestId("notification-panel").boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await expectNoHorizontalScroll(page);
});

test("the portal task list and task page fit a phone", async ({ page }) => {
  await signInEmployee(page, "yangfan");
  await page.goto("/inbox/start?key=quality_issue");
  await page.locator("#start-supplierId").selectOption({ label: `S001 ${SUPPLIERS.supplier1.company}` });
  await page.locator("#start-title").fill("E2E 手机端质量异常");
  await page.locator("#start-description").fill("表面划伤");
  await page.getByTestId("start-submit").click();
  const key = (await page.getByTestId("started-business-key").getAttribute("data-business-key"))!;
  await signOut(page, "employee");

  await signInSupplier(page, "supplier1");
  await page.goto("/portal/tasks");
  const card = page.getByTestId("task-card").filter({ hasText: key });
  await expect(card).toBeVisible();
  await expectNoHorizontalScroll(page);
  await card.getByRole("link").click();
  await expect(page.getByTestId("task-title")).toHaveText("供应商提交纠正措施");
  await expect(page.getByRole("button", { name: zh("inbox.task.complete") })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
