import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signOut } from "./support/auth";
import { zh } from "./support/messages";

/*
 * Due-date colours. The shipped flows give their first tasks days of time
 * (P2D, P3D: on time, green) and the general manager's approval one day (P1D:
 * due soon, amber, see inbox-purchase.spec.ts). For an overdue task no clock
 * is moved and nothing is written behind the app's back: a manager moves the
 * due date into the past with the inbox's own "change due date" (task.reassign),
 * which is audited like every other change.
 */

const shanghaiDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);

async function switchTo(page: Page, username: string) {
  await signOut(page, "employee");
  await signInEmployee(page, username);
}

async function rowIn(page: Page, query: string, businessKey: string) {
  await page.goto(`/inbox?${query}&q=${encodeURIComponent(businessKey)}`);
  await expect(page.getByTestId("task-table")).toBeVisible();
  return page.getByTestId("task-row").filter({ hasText: businessKey });
}

test("on time is green; moved into the past the same task is red and overdue everywhere", async ({ page }) => {
  await signInEmployee(page, "lina");
  await page.goto("/inbox/start?key=purchase_requisition");
  await page.locator("#start-title").fill("E2E 逾期测试");
  await page.locator("#start-amount").fill("500");
  await page.getByTestId("start-submit").click();
  const key = (await page.getByTestId("started-business-key").getAttribute("data-business-key"))!;

  await switchTo(page, "liuyang");
  let row = await rowIn(page, "view=group", key);
  await expect(row).toHaveAttribute("data-due-state", "ontime");
  await expect(row.locator("[data-due]")).toHaveClass(/text-green-700/);
  await expect(row.locator("[data-due]")).toContainText(zh("inbox.due.ontime"));

  await row.getByTestId("task-link").click();
  await page.getByTestId("task-set-due").click();
  await page.getByLabel(zh("inbox.task.newDue")).fill(`${shanghaiDay(new Date(Date.now() - 864e5))}T09:00`);
  await page.getByTestId("due-confirm").click();
  await expect(page.getByTestId("task-due").locator("[data-due]")).toHaveAttribute("data-due", "overdue");
  await expect(page.locator('[data-testid=history-entry][data-type="task.due_changed"]')).toContainText("刘洋");

  row = await rowIn(page, "view=group", key);
  await expect(row).toHaveAttribute("data-due-state", "overdue");
  await expect(row.locator("[data-due]")).toHaveClass(/text-red-700/);
  await expect(row.locator("[data-due]")).toContainText(zh("inbox.due.overdue"));
  // The due filter is server-side too.
  await expect(await rowIn(page, "view=group&due=overdue", key)).toHaveCount(1);
  await expect(await rowIn(page, "view=group&due=ontime", key)).toHaveCount(0);

  // The starter sees the same colour.
  await switchTo(page, "lina");
  row = await rowIn(page, "view=started", key);
  await expect(row).toHaveAttribute("data-due-state", "overdue");
  // lina may look at the task but not move its due date (no task.reassign).
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText("采购部审核");
  await expect(page.getByTestId("task-set-due")).toHaveCount(0);
});
