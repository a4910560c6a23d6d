import { Readable } from "node:stream";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInEmployee, signInSupplier } from "../support/auth";
import { SUPPLIERS } from "../support/demo";
import { zh } from "../support/messages";
import { fillNoticeLots, openPortalTask } from "../support/receiving-pages";
import { callServerAction, findServerAction } from "../support/server-actions";
import { fillOrderEntry } from "../support/srm-pages";

// SRM-10 cross-tenant: supplier2 gets nothing of supplier1's order, its confirmation task,
// its delivery plan and delivery note, its lists and its receipts export, by address, by
// download, through the workflow API and through the portal's server actions.

const shanghaiDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));

async function sheetRows(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.from(body));
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test("supplier2 gets nothing of supplier1's order, task, delivery, note, lists and export, nor through an action", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const buyer = await browser.newPage();
  await signInEmployee(buyer, "lina");
  await buyer.goto("/srm/orders/new");
  await fillOrderEntry(buyer, `S001 · ${SUPPLIERS.supplier1.company}`, [{ product: "P-1002", quantity: "30", price: "4" }], shanghaiDay(7));
  await buyer.getByTestId("order-entry-submit").click();
  await buyer.waitForURL(/\/srm\/orders\/[0-9a-f-]{36}$/);
  const number = /PO-\d{8}-\d{4}/.exec(await buyer.locator("h1").innerText())![0];
  const orderId = new URL(buyer.url()).pathname.split("/").pop()!;
  await buyer.close();

  const s1 = await browser.newPage();
  await signInSupplier(s1, "supplier1");
  await openPortalTask(s1, number, "供应商确认订单");
  const confirmTask = new URL(s1.url()).pathname;
  const confirmTaskId = confirmTask.split("/").pop()!;

  // supplier2, while the task is open: the task page, the workflow API and the portal's action.
  const s2 = await browser.newPage();
  await signInSupplier(s2, "supplier2");
  expect((await s2.goto(confirmTask))?.status()).toBe(404);
  const api = await s2.request.post(`/api/workflow/tasks/${confirmTaskId}/complete`, { data: { data: { response: "confirm", confirmedDate: shanghaiDay(5) } }, headers: { origin: new URL(baseURL!).origin } });
  expect([403, 404]).toContain(api.status());
  const submit = findServerAction("app/portal/(app)/tasks/actions.ts", "submitPortalTaskAction");
  const call = await callServerAction(s2.request, new URL(baseURL!).origin, submit, [{ taskId: confirmTaskId, data: { response: "confirm", confirmedDate: shanghaiDay(5) } }]);
  expect(call.result, call.body).toMatchObject({ ok: false });

  // supplier1 confirms and ships; the plan and its note exist.
  await s1.getByTestId("field-response").getByRole("radio", { name: "按订单确认" }).check();
  await s1.locator("#task-confirmedDate").fill(shanghaiDay(5));
  await s1.getByTestId("task-complete").click();
  await expect(s1.getByTestId("task-done")).toBeVisible();
  const plan = `DP-${number}-1`;
  await openPortalTask(s1, plan, "供应商发货");
  await s1.locator("#task-shippedDate").fill(shanghaiDay(0));
  await s1.locator("#task-waybillNo").fill("SF-XT-0001");
  await fillNoticeLots(s1, [[["LOT-XT", "30"]]]);
  await s1.getByTestId("task-complete").click();
  await expect(s1.getByTestId("task-done")).toBeVisible();
  await s1.goto(`/portal/deliveries?q=${encodeURIComponent(plan)}`);
  const note = (await s1.getByTestId("portal-delivery-row").filter({ hasText: plan }).getByTestId("delivery-note-link").getAttribute("href"))!;
  expect((await s1.request.get(note)).status()).toBe(200);

  // supplier2: the order page is the 404 page naming nothing; the note is 404; the lists and the export hold none of it.
  const res = await s2.goto(`/portal/orders/${orderId}`);
  expect(res?.status()).toBe(404);
  await expect(s2.locator("h1")).toHaveText(zh("errors.notFoundPage"));
  expect(await s2.content()).not.toContain(number);
  expect((await s2.request.get(note)).status()).toBe(404);
  for (const [path, q] of [["/portal/orders", number], ["/portal/deliveries", plan], ["/portal/receipts", number], ["/portal/tasks", number]] as const) {
    await s2.goto(`${path}?q=${encodeURIComponent(q)}`);
    expect(await s2.locator("main").innerText(), path).not.toContain(q);
  }
  const exported = await s2.request.get(`/portal/receipts/export?q=${encodeURIComponent(number)}`);
  expect(exported.status()).toBe(200);
  expect((await sheetRows(await exported.body())).slice(1)).toEqual([]);
  await s1.close();
  await s2.close();
});
