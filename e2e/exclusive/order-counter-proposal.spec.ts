import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "../support/auth";
import { SUPPLIERS } from "../support/demo";
import { zh } from "../support/messages";
import { shootReadable } from "../support/layout";
import { fillOrderEntry } from "../support/srm-pages";

// SRM-6, the supplier's counter-proposal: a buyer enters an order, supplier1 proposes a
// smaller quantity and a later date on one line (each line has its own date), purchasing accepts the proposal in its
// review step, and the order's page shows the confirmed figures beside the original ones.
// Only this journey's own order is touched.

const shanghaiDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const zhLongDay = (d: string) => new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
const zhDay = (d: string) => new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(`${d}T00:00:00+08:00`));

/** Screenshots at desktop and phone width of a page that reads as Chinese (codes and names it shows aside). */
const shoot = (page: Page, name: string) => shootReadable(page, name, /PO-\d{8}-\d{4}|P-\d{4}|S\d{3}|CNY|ERP|SQ-[A-Z0-9-]+|PDF|Office /g);

test("供应商对订单提出修改（一行减量、推迟交期），采购接受，订单页显示确认与原始数据", async ({ browser }) => {
  test.setTimeout(180_000);
  // The buyer enters the order: two lines, both due in ten days.
  const buyer = await browser.newPage();
  await signInEmployee(buyer, "lina");
  await buyer.goto("/srm/orders/new");
  const due = shanghaiDay(10);
  await fillOrderEntry(buyer, `S001 · ${SUPPLIERS.supplier1.company}`, [{ product: "P-1001", quantity: "200", price: "0.36" }, { product: "P-1002", quantity: "60", price: "4.1" }], due);
  await buyer.getByTestId("order-entry-submit").click();
  await buyer.waitForURL(/\/srm\/orders\/[0-9a-f-]{36}$/);
  const number = /PO-\d{8}-\d{4}/.exec(await buyer.locator("h1").innerText())?.[0];
  expect(number).toBeTruthy();

  // The supplier proposes: line 2 only 45 of 60, a week later; a date in the past is refused at its field.
  const supplier = await browser.newPage();
  await signInSupplier(supplier, "supplier1");
  await supplier.goto("/portal/tasks");
  const row = supplier.getByTestId("task-row").filter({ hasText: number! });
  await expect(row).toHaveCount(1);
  await row.getByTestId("task-link").click();
  await expect(supplier.getByTestId("task-title")).toHaveText("供应商确认订单");
  await supplier.getByTestId("field-response").getByRole("radio", { name: "提出修改" }).check();
  await expect(supplier.getByTestId("field-confirmedQuantities")).toHaveCount(0);
  const table = supplier.getByTestId("field-proposedQuantities");
  const inputs = table.getByTestId("line-row").locator('input[data-field="proposedQuantities"]');
  const dates = table.getByTestId("line-row").locator('input[data-field="proposedDates"]');
  await expect(inputs).toHaveCount(2);
  await expect(inputs.nth(1)).toHaveValue("60");
  // Each line's date starts at its requested day.
  await expect(dates).toHaveCount(2);
  await expect(dates.nth(0)).toHaveValue(due);
  await expect(dates.nth(1)).toHaveValue(due);
  await inputs.nth(1).fill("45");
  await dates.nth(1).fill(shanghaiDay(-2));
  await supplier.locator("#task-proposalNote").fill("模具检修，第 2 行本批只能交 45 件，交期顺延一周。");
  await supplier.locator("#task-supplierRef").fill("SQ-E2E-CP");
  await supplier.getByTestId("task-complete").click();
  await expect(table.getByRole("alert")).toHaveText(zh("validation.date_in_past"));
  await shoot(supplier, "po-counter-supplier");
  const proposed = shanghaiDay(17);
  await dates.nth(1).fill(proposed);
  await supplier.getByTestId("task-complete").click();
  await expect(supplier.getByTestId("task-done")).toBeVisible();
  await supplier.close();

  // Purchasing reviews the proposal: per line, ordered against proposed quantity, requested against proposed date.
  const lead = await browser.newPage();
  await signInEmployee(lead, "liuyang");
  await expect(async () => {
    await lead.goto(`/inbox?view=group&q=${encodeURIComponent(number!)}`);
    await expect(lead.getByTestId("task-row").filter({ hasText: "采购确认供应商修改" })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await lead.getByTestId("task-row").filter({ hasText: "采购确认供应商修改" }).getByTestId("claim").click();
  await expect(lead.getByRole("status").filter({ hasText: zh("inbox.actions.claimed") })).toBeVisible();
  await lead.goto(`/inbox?view=mine&q=${encodeURIComponent(number!)}`);
  await lead.getByTestId("task-row").filter({ hasText: number! }).getByTestId("task-link").click();
  await expect(lead.getByTestId("task-title")).toHaveText("采购确认供应商修改");
  const proposal = lead.getByTestId("context-proposalLines").getByTestId("context-line");
  await expect(proposal).toHaveCount(2);
  await expect(proposal.nth(1)).toContainText("45 件");
  await expect(proposal.nth(1)).toContainText("原 60 件");
  await expect(proposal.nth(1)).toContainText(`原 ${zhLongDay(due)}`);
  await expect(proposal.nth(1)).toContainText(zhLongDay(proposed));
  await expect(proposal.nth(0)).toContainText("不变");
  await expect(lead.getByTestId("context-proposalNote")).toContainText("模具检修");
  await lead.getByTestId("field-decision").getByRole("radio", { name: "接受修改" }).check();
  await shoot(lead, "po-counter-review");
  await lead.getByTestId("task-complete").click();
  await expect(lead.getByTestId("task-done")).toBeVisible();
  await lead.close();

  // The order's page: confirmed as proposed, the original quantity and date kept beside it.
  await expect(async () => {
    await buyer.reload();
    await expect(buyer.getByTestId("order-status")).toContainText(zh("srm.orderStatus.confirmed"), { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const l2 = buyer.getByTestId("order-line").nth(1);
  await expect(l2.getByTestId("line-confirmed")).toContainText("45 件");
  await expect(l2.getByTestId("line-confirmed")).toContainText(zhDay(proposed));
  await expect(l2.getByTestId("line-original")).toContainText("60 件");
  await expect(l2.getByTestId("line-original")).toContainText(zhDay(due));
  const history = buyer.getByTestId("order-history");
  await expect(history.locator('[data-kind="proposed"]')).toContainText("第 2 行 建议 45 件（订购 60 件），交期");
  // Line 1 keeps its requested day as its confirmed one.
  await expect(buyer.getByTestId("order-line").nth(0).getByTestId("line-confirmed")).toContainText(zhDay(due));
  await expect(history.locator('[data-kind="proposal_accepted"]')).toContainText(zh("srm.orderDetail.events.proposal_accepted"));
  await shoot(buyer, "po-counter-order");
});
