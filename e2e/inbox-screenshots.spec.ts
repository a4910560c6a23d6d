import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier, signOut } from "./support/auth";
import { SUPPLIERS } from "./support/demo";

// For people to look at (layout at both widths), not compared pixel by pixel.
const DIR = path.join(process.cwd(), "test-results", "screenshots");

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: path.join(DIR, `${name}.png`), fullPage: true });
}

const VIEWPORTS = [
  { size: "desktop", viewport: { width: 1280, height: 800 } },
  { size: "phone", viewport: { width: 375, height: 812 } },
];

for (const { size, viewport } of VIEWPORTS) {
  test.describe(`inbox screenshots at ${size} width`, () => {
    test.use({ viewport });

    test("inbox, start form, task page with diagram, portal tasks", async ({ page }) => {
      await signInEmployee(page, "lina");
      await page.goto("/inbox/start?key=purchase_requisition");
      await page.locator("#start-title").fill(`截图用采购申请（${size}）`);
      await page.locator("#start-amount").fill("68000");
      await page.locator("#start-reason").fill("产线扩能，需要新增两台数控车床的夹具与刀具。");
      await shoot(page, `inbox-start-${size}`);
      await page.getByTestId("start-submit").click();
      const key = (await page.getByTestId("started-business-key").getAttribute("data-business-key"))!;
      await signOut(page, "employee");

      await signInEmployee(page, "liuyang");
      await page.goto("/inbox?view=group");
      await expect(page.getByTestId(size === "phone" ? "task-cards" : "task-table")).toBeVisible();
      await shoot(page, `inbox-${size}`);
      const link = page.getByTestId(size === "phone" ? "task-card" : "task-row").filter({ hasText: key });
      await link.getByRole("link").first().click();
      await expect(page.getByTestId("bpmn-diagram")).toHaveAttribute("data-ready", "true");
      await shoot(page, `inbox-task-${size}`);
      await signOut(page, "employee");

      await signInEmployee(page, "chenjing");
      await page.goto("/inbox/start?key=quality_issue");
      await page.locator("#start-supplierId").selectOption({ label: `S001 ${SUPPLIERS.supplier1.company}` });
      await page.locator("#start-title").fill(`截图用质量异常（${size}）`);
      await page.locator("#start-description").fill("外观划伤");
      await page.getByTestId("start-submit").click();
      const qiKey = (await page.getByTestId("started-business-key").getAttribute("data-business-key"))!;
      await signOut(page, "employee");

      await signInSupplier(page, "supplier1");
      await page.goto("/portal/tasks");
      await expect(page.getByTestId(size === "phone" ? "task-card" : "task-row").filter({ hasText: qiKey })).toBeVisible();
      await shoot(page, `portal-tasks-${size}`);
      await page.getByTestId("notification-bell").click();
      await shoot(page, `portal-bell-${size}`);
    });
  });
}
