import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signOut } from "./support/auth";
import { zh } from "./support/messages";

/** Starts a purchase requisition from /inbox/start as the signed-in employee; returns its business key. */
async function startRequisition(page: Page, title: string, amount: number): Promise<string> {
  await page.goto("/inbox/start");
  await page.getByTestId("start-purchase_requisition").click();
  await expect(page).toHaveURL(/key=purchase_requisition/);
  await page.locator("#start-title").fill(title);
  await page.locator("#start-amount").fill(String(amount));
  await page.getByTestId("start-submit").click();
  const started = page.getByTestId("started-business-key");
  await expect(started).toBeVisible();
  const key = (await started.getAttribute("data-business-key"))!;
  expect(key).toMatch(/^PR-\d{8}-\d{4}$/);
  await expect(started).toHaveText(zh("inbox.start.started", { businessKey: key }));
  return key;
}

async function switchTo(page: Page, username: string) {
  await signOut(page, "employee");
  await signInEmployee(page, username);
}

/** The desktop table row of a task in a view, found by business key through the server-side search. */
async function rowIn(page: Page, view: string, businessKey: string) {
  await page.goto(`/inbox?view=${view}&q=${encodeURIComponent(businessKey)}`);
  await expect(page.getByTestId(`view-${view}`)).toHaveAttribute("aria-current", "page");
  return page.getByTestId("task-row").filter({ hasText: businessKey });
}

test("a purchase requisition of 80000 goes from lina through purchasing to the management group", async ({ page }) => {
  await signInEmployee(page, "lina");
  const key = await startRequisition(page, "E2E 数控机床备件", 80000);

  // lina started it: she follows it, but it is not her group's task to claim.
  let row = await rowIn(page, "started", key);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("采购部审核");

  await switchTo(page, "liuyang");
  row = await rowIn(page, "group", key);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("采购部审核");
  await expect(row).toContainText("采购申请审批");
  await expect(row).toHaveAttribute("data-due-state", "ontime");
  await row.getByTestId("claim").click();
  await expect(page.getByRole("status").filter({ hasText: zh("inbox.actions.claimed") })).toBeVisible();
  await expect(row).toHaveCount(0);

  row = await rowIn(page, "mine", key);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("刘洋");
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText("采购部审核");
  await expect(page.getByTestId("task-business-key")).toHaveText(key);
  await expect(page.getByTestId("context-amount")).toContainText("80,000");
  // The diagram marks where the instance waits; bpmn.io's watermark stays.
  const diagram = page.getByTestId("bpmn-diagram");
  await expect(diagram.locator('.djs-element.ff-current[data-element-id="purchasing_review"]')).toHaveCount(1);
  await expect(diagram.locator('.djs-element.ff-completed[data-element-id="start"]')).toHaveCount(1);
  await expect(diagram.locator(".bjs-powered-by")).toBeVisible();

  await page.getByRole("radio", { name: "同意" }).check();
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toHaveText(zh("inbox.task.completed"));
  await expect(page.getByTestId("task-status")).toHaveText(zh("inbox.task.status.completed"));
  await expect(page.locator('[data-testid=history-entry][data-type="task.completed"]')).toContainText("刘洋");

  row = await rowIn(page, "done", key);
  await expect(row).toContainText("采购部审核");

  // Above 50000 the next step is the general manager's, offered to the management group.
  await switchTo(page, "zhangwei");
  row = await rowIn(page, "group", key);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("总经理审批");
  await expect(row).toHaveAttribute("data-due-state", "soon");
  await expect(page.getByTestId("notification-count")).toBeVisible();

  await switchTo(page, "lina");
  row = await rowIn(page, "group", key);
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("task-table").getByText(zh("inbox.list.empty"))).toBeVisible();
  row = await rowIn(page, "started", key);
  await expect(row).toContainText("总经理审批");
});

test("a rejection needs a reason, and the reason lands in the history", async ({ page }) => {
  await signInEmployee(page, "lina");
  const key = await startRequisition(page, "E2E 驳回测试", 1200);
  await switchTo(page, "liuyang");
  const row = await rowIn(page, "group", key);
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText("采购部审核");

  await page.getByTestId("task-reject").click();
  await page.getByTestId("task-reject-confirm").click();
  await expect(page.getByRole("dialog").getByText(zh("inbox.validation.reasonRequired"))).toBeVisible();
  await page.getByRole("dialog").getByLabel(zh("inbox.task.rejectReason")).fill("预算已用完");
  await page.getByTestId("task-reject-confirm").click();
  await expect(page.getByTestId("task-done")).toBeVisible();
  const done = page.locator('[data-testid=history-entry][data-type="task.completed"]');
  await expect(done).toContainText(zh("inbox.history.decision", { decision: zh("inbox.decision.reject") }));
  await expect(done).toContainText("预算已用完");
  await expect(page.locator('[data-testid=history-entry][data-type="instance.completed"]')).toHaveCount(1);
});

test("comments, delegation with a reason, and saved filters shared with a group", async ({ page }) => {
  await signInEmployee(page, "lina");
  const key = await startRequisition(page, "E2E 委托测试", 300);

  // A saved filter shared with purchasing reaches liuyang, who cannot delete it.
  await page.goto(`/inbox?view=started&q=${key}`);
  await page.getByTestId("save-filter").click();
  await page.getByRole("dialog").getByLabel(zh("inbox.saved.name")).fill(`委托测试 ${key}`);
  await page.getByRole("dialog").getByLabel(zh("inbox.saved.share")).selectOption({ label: "采购组" });
  await page.getByRole("dialog").getByRole("button", { name: zh("common.save") }).click();
  await expect(page.getByTestId("saved-filter").filter({ hasText: key })).toBeVisible();

  await switchTo(page, "liuyang");
  await page.goto("/inbox");
  const shared = page.getByTestId("saved-filter").filter({ hasText: key });
  await expect(shared).toBeVisible();
  await expect(shared.getByRole("button")).toHaveCount(0);
  await shared.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`view=started.*q=${key}`));

  const row = await rowIn(page, "group", key);
  await row.getByTestId("task-link").click();
  await page.getByTestId("comment-body").fill("请补充报价单");
  await page.getByTestId("comment-post").click();
  await expect(page.getByTestId("comment")).toContainText("请补充报价单");

  await page.getByTestId("task-delegate").click();
  // The picker offers the task's group first, never the person delegating; a search narrows it by name or pinyin.
  const picker = page.getByRole("dialog").getByTestId("person-picker");
  await expect(picker.getByTestId("picker-section").first()).toHaveAttribute("data-kind", "group");
  await expect(picker.locator('[data-testid=picker-person][data-username="liuyang"]')).toHaveCount(0);
  await page.getByRole("dialog").getByTestId("person-search").fill("lina");
  await expect(picker.getByTestId("picker-person")).toHaveCount(1);
  await picker.locator('[data-testid=picker-person][data-username="lina"]').click();
  await page.getByRole("dialog").getByLabel(zh("inbox.task.reason")).fill("李娜熟悉该供应商");
  await page.getByTestId("assign-confirm").click();
  await expect(page.getByTestId("task-assignee")).toHaveText("李娜");
  const delegated = page.locator('[data-testid=history-entry][data-type="task.delegated"]');
  await expect(delegated).toContainText("刘洋");
  await expect(delegated).toContainText(zh("inbox.history.handoverTo", { to: "李娜" }));
  await expect(delegated).toContainText("李娜熟悉该供应商");

  await switchTo(page, "lina");
  const mine = await rowIn(page, "mine", key);
  await expect(mine).toHaveCount(1);
});
