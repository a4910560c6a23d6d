import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { zh } from "./support/messages";
import { expectNoSidewaysScroll } from "./support/layout";

// The purchasing overview as a buyer reads it on a desk and on a phone (quantities
// per unit, every row readable without sideways scrolling), and a manager's
// substitute working the management group's tasks while the manager is away.

const DIR = path.join(process.cwd(), "test-results", "screenshots");
const PHONE = { width: 390, height: 844 };
const stamp = () => Date.now().toString(36).slice(-5).toUpperCase();

test("a buyer reads order quantities per unit, and every purchasing list fits a phone as cards", async ({ page }) => {
  await signInEmployee(page, "liuyang");
  await page.goto("/srm");
  // The demo order for S001: bolts and heat sinks, both in pieces: one figure with its unit.
  const order = page.getByTestId("order-row").filter({ hasText: "S001" }).first();
  await expect(order.getByTestId("quantity-ordered")).toContainText("5,800 件");
  await expect(order.getByTestId("quantity-received")).toContainText("0 件");

  fs.mkdirSync(DIR, { recursive: true });
  await page.setViewportSize(PHONE);
  for (const [tab, list] of [["orders", "purchase-orders"], ["deliveries", "delivery-plans"], ["suppliers", "suppliers"]] as const) {
    await page.goto(tab === "orders" ? "/srm" : `/srm?tab=${tab}`);
    await expect(page.getByTestId(list)).toBeVisible();
    // On a phone the header row goes and each cell carries its label.
    await expect(page.getByTestId(list).locator("thead")).toBeHidden();
    await page.evaluate(() => document.fonts.ready);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(DIR, `srm-${tab}-phone.png`), fullPage: true });
  }
});

test("a manager's substitute sees the management group's open tasks, claims one and approves it for him", async ({ browser }) => {
  test.setTimeout(120_000);
  // zhangwei (management) is away today and tomorrow; wumin (design) stands in.
  const manager = await browser.newPage();
  await signInEmployee(manager, "zhangwei");
  await manager.goto("/inbox/substitutes");
  await manager.getByTestId("substitute-person").selectOption({ label: "吴敏（wumin · 设计部）" });
  const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 86_400_000));
  await manager.getByTestId("substitute-end").fill(tomorrow);
  await manager.getByTestId("substitute-save").click();
  const current = manager.locator('[data-testid=substitution][data-state="current"]').filter({ hasText: "吴敏" });
  await expect(current).toHaveCount(1);

  // A large requisition reaches the management group after purchasing.
  const starter = await browser.newPage();
  await signInEmployee(starter, "lina");
  await starter.goto("/inbox/start?key=purchase_requisition");
  const title = `E2E 代理审批 ${stamp()}`;
  await starter.locator("#start-title").fill(title);
  await starter.locator("#start-amount").fill("90000");
  await starter.getByTestId("start-submit").click();
  const key = (await starter.getByTestId("started-business-key").getAttribute("data-business-key"))!;
  await starter.close();

  const buyer = await browser.newPage();
  await signInEmployee(buyer, "liuyang");
  await buyer.goto(`/inbox?view=group&q=${key}`);
  await buyer.getByTestId("task-row").filter({ hasText: key }).getByTestId("task-link").click();
  await buyer.locator('input[type="radio"][value="approve"]').check();
  await buyer.getByTestId("task-complete").click();
  await expect(buyer.getByTestId("task-done")).toBeVisible();
  await buyer.close();

  // wumin is not in management: the task reaches him only as zhangwei's substitute.
  const sub = await browser.newPage();
  await signInEmployee(sub, "wumin");
  await sub.goto("/inbox/substitutes");
  const covered = sub.getByTestId("covered-task").filter({ hasText: key });
  await expect(covered).toContainText("总经理审批");
  await expect(covered).toContainText(zh("inbox.substitutes.coveredGroup", { name: "张伟" }));
  await sub.setViewportSize(PHONE);
  await expectNoSidewaysScroll(sub);
  await sub.screenshot({ path: path.join(DIR, "substitutes-covered-phone.png"), fullPage: true });
  await sub.setViewportSize({ width: 1280, height: 800 });
  await sub.screenshot({ path: path.join(DIR, "substitutes-covered-desktop.png"), fullPage: true });
  await covered.getByTestId("covered-claim").click();
  await sub.getByTestId("covered-claimed-open").click();
  await expect(sub.getByTestId("task-title")).toHaveText("总经理审批");
  await expect(sub.getByTestId("task-assignee")).toContainText("吴敏");
  await expect(sub.getByTestId("task-assignee")).toContainText(zh("inbox.task.substituteFor", { name: "张伟" }));
  await sub.locator('input[type="radio"][value="approve"]').check();
  await sub.getByTestId("task-complete").click();
  await expect(sub.getByTestId("task-done")).toBeVisible();
  await sub.close();

  // Back from leave: the substitution is cancelled and wumin covers nothing.
  await manager.reload();
  await current.getByRole("button").click();
  await expect(current).toHaveCount(0);
  await manager.close();
});
