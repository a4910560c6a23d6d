import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier, signOut } from "./support/auth";
import { SUPPLIERS } from "./support/demo";
import { en, zh, type Locale } from "./support/messages";

// What a buyer, a supplier and a manager meet on their first screens: the work that
// waits for them, named by its record, in their own words, and the state after each
// action without a reload. Chinese first; the notifications and the inbox in English too.

const DIR = path.join(process.cwd(), "test-results", "screenshots");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
// Staff words a supplier never reads.
const STAFF_JARGON = /认领|待办|候选组/;

async function shoot(page: Page, name: string) {
  fs.mkdirSync(DIR, { recursive: true });
  for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(DIR, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

/** A page of its own in the given language (the NEXT_LOCALE cookie, as the language switcher sets it). */
async function pageIn(browser: Browser, locale: Locale, baseURL: string) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);
  return context.newPage();
}

const stamp = () => Date.now().toString(36).slice(-5).toUpperCase();

async function startRequisition(page: Page, title: string, amount: number): Promise<string> {
  await page.goto("/inbox/start?key=purchase_requisition");
  await page.locator("#start-title").fill(title);
  await page.locator("#start-amount").fill(String(amount));
  await page.getByTestId("start-submit").click();
  const key = (await page.getByTestId("started-business-key").getAttribute("data-business-key"))!;
  expect(key).toMatch(/^PR-\d{8}-\d{4}$/);
  return key;
}

async function startQualityIssue(page: Page, title: string): Promise<string> {
  await page.goto("/inbox/start?key=quality_issue");
  await page.locator("#start-supplierId").selectOption({ label: `S002 ${SUPPLIERS.supplier2.company}` });
  await page.locator("#start-title").fill(title);
  await page.locator("#start-description").fill("注塑件表面缩痕，抽检 30 件不合格 4 件。");
  await page.getByTestId("start-submit").click();
  const key = (await page.getByTestId("started-business-key").getAttribute("data-business-key"))!;
  expect(key).toMatch(/^QI-\d{8}-\d{4}$/);
  return key;
}

/** The notifications page: the unread count it shows is the number of entries still waiting (unread, task not done). */
async function expectUnreadCountConsistent(page: Page, locale: Locale) {
  const items = page.getByTestId("notification");
  const waiting = await items.evaluateAll((els) => els.filter((e) => e.getAttribute("data-read") === "false" && e.getAttribute("data-done") === "false").length);
  const m = locale === "en" ? en : zh;
  await expect(page.getByTestId("unread-count")).toHaveText(m("inbox.notifications.unread", { count: waiting }));
}

for (const locale of ["zh-CN", "en"] as const) {
  const m = locale === "en" ? en : zh;
  const shots = locale === "zh-CN";

  test(`a supplier finds its open task on the portal home and in a notification in its own words (${locale})`, async ({ browser, baseURL }) => {
    const staff = await pageIn(browser, "zh-CN", baseURL!);
    await signInEmployee(staff, "yangfan");
    const title = `E2E 门户首页缩痕 ${stamp()}`;
    const key = await startQualityIssue(staff, title);
    await staff.context().close();

    const page = await pageIn(browser, locale, baseURL!);
    await signInSupplier(page, "supplier2");
    // The home shows what waits, with its number, subject and due date, instead of "nothing to do".
    const home = page.getByTestId("portal-home-tasks");
    await expect(home.getByText(m("portal.tasksTitle"))).toBeVisible();
    await expect(home.getByText(m("portal.tasksEmpty"))).toHaveCount(0);
    const entry = page.getByTestId("portal-home-task").filter({ hasText: key });
    await expect(entry).toContainText("供应商提交纠正措施");
    await expect(entry).toContainText(title);
    await expect(entry.locator("[data-due]")).toHaveAttribute("data-due", "ontime");
    if (shots) await shoot(page, "portal-home-tasks");

    // The bell: a new task, named by its number, in the supplier's words.
    await page.getByTestId("notification-bell").click();
    const note = page.getByTestId("notification-panel").getByTestId("notification").filter({ hasText: key });
    await expect(note).toContainText(m("inbox.notifications.kinds.task_new"));
    await expect(note).toContainText("供应商提交纠正措施");
    await expect(page.getByTestId("notification-panel")).not.toContainText(STAFF_JARGON);
    if (locale === "en") await expect(page.getByTestId("notification-panel")).not.toContainText(zh("inbox.notifications.kinds.task_offered"));
    if (shots) await page.screenshot({ path: path.join(DIR, "portal-notifications-desktop.png") });
    await page.keyboard.press("Escape");

    // It opens from the home; the way back says "my tasks", not the staff's inbox.
    await entry.getByRole("link").click();
    await expect(page.getByTestId("task-title")).toHaveText("供应商提交纠正措施");
    await expect(page.getByRole("link", { name: m("inbox.portal.back") }).first()).toBeVisible();
    await expect(page.locator("main")).not.toContainText(STAFF_JARGON);
    await page.context().close();
  });

  test(`a buyer's inbox opens on her group's work, her notification names the requisition and leaves the unread count once done (${locale})`, async ({ browser, baseURL }) => {
    const words = locale === "en" ? "气动阀门" : "液压站密封圈";
    const title = `E2E ${words} ${stamp()}`;
    const starter = await pageIn(browser, "zh-CN", baseURL!);
    await signInEmployee(starter, "liuyang");
    const key = await startRequisition(starter, title, 120);
    await starter.context().close();

    const page = await pageIn(browser, locale, baseURL!);
    await signInEmployee(page, "lina");

    // /inbox opens on what waits for her: her own and her group's unclaimed tasks.
    await page.goto("/inbox");
    await expect(page.getByTestId("view-todo")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("view-todo")).toContainText(m("inbox.views.todo"));
    for (const v of ["mine", "group", "started", "done"]) await expect(page.getByTestId(`view-${v}`)).toBeVisible();
    const row = page.getByTestId("task-row").filter({ hasText: key });
    await expect(row).toContainText("采购部审核");
    await expect(row).toContainText(title);
    await expect(row.getByTestId("claim")).toBeVisible();
    if (shots) await shoot(page, "inbox-landing");

    // A word of the title finds it (the number did before, the title did not).
    await page.getByTestId("task-search").fill(words);
    await page.getByTestId("task-search").press("Enter");
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(words)}`));
    await expect(page.getByTestId("task-row")).toHaveCount(1);
    await expect(page.getByTestId("task-row")).toContainText(key);

    // Her notification names the requisition: its number and its subject.
    await page.goto("/inbox/notifications");
    const note = page.getByTestId("notification").filter({ hasText: key });
    await expect(note).toHaveCount(1);
    await expect(note).toContainText(m("inbox.notifications.kinds.task_offered"));
    await expect(note).toContainText("采购部审核");
    await expect(note.getByTestId("notification-record")).toHaveText(`${key} · ${title}`);
    await expect(note).toHaveAttribute("data-done", "false");
    await expectUnreadCountConsistent(page, locale);
    if (shots) await shoot(page, "notifications");

    // It opens the task; once submitted the page shows it done, without a reload.
    await note.click();
    await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("task-status")).toHaveAttribute("data-status", "open");
    await expect(page.getByTestId("task-claim")).toBeVisible();
    await page.locator('input[type="radio"][value="approve"]').check();
    await page.getByTestId("task-complete").click();
    await expect(page.getByTestId("task-done")).toHaveText(m("inbox.task.completed"));
    await expect(page.getByTestId("task-status")).toHaveAttribute("data-status", "completed");
    await expect(page.getByTestId("task-status")).toHaveText(m("inbox.task.status.completed"));
    await expect(page.getByTestId("task-claim")).toHaveCount(0);
    await expect(page.getByTestId("task-due")).toHaveCount(0);
    await expect(page.getByTestId("task-closed-at")).toBeVisible();
    await expect(page.locator("main")).not.toContainText(m("inbox.due.none"));

    // Back in the notifications it is done and no longer counted as unread.
    await page.goto("/inbox/notifications");
    await expect(note).toHaveAttribute("data-done", "true");
    await expect(note).toContainText(m("inbox.notifications.done"));
    await expectUnreadCountConsistent(page, locale);
    await signOut(page, "employee");
    await page.context().close();
  });
}

test("a manager reads every permission by name and a working process report", async ({ browser, baseURL }) => {
  const page = await pageIn(browser, "zh-CN", baseURL!);
  await signInEmployee(page, "admin");
  // At least one requisition is running while the report is read.
  await startRequisition(page, `E2E 报表用申请 ${stamp()}`, 300);

  await page.goto("/admin/roles");
  const matrix = page.getByTestId("role-matrix");
  await expect(matrix).toBeVisible();
  await expect(page.locator("main")).not.toContainText("admin.roles.");
  for (const key of ["task_reassign", "process_operate", "purchase_order_manage", "integration_manage"]) {
    await expect(matrix).toContainText(zh(`admin.roles.permissions.${key}`));
    await expect(matrix).toContainText(zh(`admin.roles.permissionHints.${key}`));
  }
  await shoot(page, "admin-roles");

  // /reports is a working page: figures per process, linked to the instances and heat map.
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: zh("reports.title") })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(zh("common.comingSoon"));
  const requisitions = page.locator('[data-testid=report-process][data-process="purchase_requisition"]');
  await expect(requisitions).toContainText("采购申请审批");
  for (const figure of ["running", "incident", "completed"]) await expect(requisitions.locator(`[data-figure=${figure}]`)).toHaveText(/^\d+$/);
  const running = requisitions.locator("[data-figure=running] a");
  await expect(running).toHaveAttribute("href", "/processes/instances?key=purchase_requisition&status=running");
  await shoot(page, "reports");
  await running.click();
  await expect(page).toHaveURL(/\/processes\/instances\?key=purchase_requisition&status=running/);
  await expect(page.locator("#f-status")).toHaveValue("running");
  await page.context().close();
});
