import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { signInEmployee, signInSupplier } from "../support/auth";
import { SUPPLIERS } from "../support/demo";
import { zh } from "../support/messages";
import { shootReadable } from "../support/layout";
import { fillNoticeLots, openPortalTask } from "../support/receiving-pages";
import { fillOrderEntry } from "../support/srm-pages";

// SRM-8: the delivery note. A buyer enters an order for S002; supplier2 confirms it; the
// plan's delivery note prints as a PDF with both companies' Chinese names, the lines and a
// QR code; supplier1 gets 404 for it; the warehouse clerk types the note's number on the
// receive page and reads who the delivery waits for; once shipped (two lots, which the note
// then prints), the QR code's address opens the clerk's first receiving step directly.

const shanghaiDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const shoot = (page: Page, name: string) => shootReadable(page, name, /PO-\d{8}-\d{4}|DP-PO-\d{8}-\d{4}-\d+|S\d{3}|（(desktop|phone)）/g);

test("a delivery note prints with Chinese names and a QR code that opens the warehouse's receiving step", async ({ browser }) => {
  test.setTimeout(240_000);
  const buyer = await browser.newPage();
  await signInEmployee(buyer, "liuyang");
  await buyer.goto("/srm/orders/new");
  await fillOrderEntry(buyer, `S002 · ${SUPPLIERS.supplier2.company}`, [{ product: "P-1001", quantity: "60", price: "0.4" }], shanghaiDay(6));
  await buyer.getByTestId("order-entry-submit").click();
  await buyer.waitForURL(/\/srm\/orders\/[0-9a-f-]{36}$/);
  const number = /PO-\d{8}-\d{4}/.exec(await buyer.locator("h1").innerText())![0];
  await buyer.close();

  const supplier = await browser.newPage();
  await signInSupplier(supplier, "supplier2");
  await openPortalTask(supplier, number, "供应商确认订单");
  await supplier.getByTestId("field-response").getByRole("radio", { name: "按订单确认" }).check();
  await supplier.locator("#task-confirmedDate").fill(shanghaiDay(5));
  await supplier.getByTestId("task-complete").click();
  await expect(supplier.getByTestId("task-done")).toBeVisible();

  // The plan arrives; its row offers the delivery note.
  const plan = `DP-${number}-1`;
  const planRow = supplier.getByTestId("portal-delivery-row").filter({ hasText: plan });
  await expect(async () => {
    await supplier.goto(`/portal/deliveries?q=${encodeURIComponent(plan)}`);
    await expect(planRow).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  const noteLink = planRow.getByTestId("delivery-note-link");
  await expect(noteLink).toHaveText(zh("deliveryNote.download"));
  const href = (await noteLink.getAttribute("href"))!;
  const res = await supplier.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const pdf = await res.body();
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const text = (await parser.getText()).text;
  for (const s of ["送货单", "华东精工制造有限公司", `${SUPPLIERS.supplier2.company}（S002）`, plan, number, "P-1001", "60", "件"]) expect(text).toContain(s);
  // What the supplier prints, as an image to look at.
  const shots = path.join(process.cwd(), "test-results", "screenshots");
  fs.mkdirSync(shots, { recursive: true });
  fs.writeFileSync(path.join(shots, "delivery-note-pdf.png"), (await parser.getScreenshot({ scale: 1.5 })).pages[0].data);
  await parser.destroy();

  // Another supplier gets nothing: the same address is 404.
  const other = await browser.newPage();
  await signInSupplier(other, "supplier1");
  expect((await other.request.get(href)).status()).toBe(404);
  await other.close();

  // The clerk types the number: the delivery waits for the supplier's shipment.
  const clerk = await browser.newPage();
  await signInEmployee(clerk, "zhaoqiang");
  await clerk.goto("/srm/receive");
  await clerk.getByRole("navigation").first().getByRole("link", { name: zh("nav.receive") }).first().waitFor({ state: "attached" });
  await clerk.getByTestId("receive-code").fill(plan.toLowerCase());
  await clerk.getByTestId("receive-open").click();
  await expect(clerk.getByTestId("receive-waiting")).toHaveText(`正在等待「供应商发货」：${zh("deliveryNote.receive.theSupplier")}`);
  await shoot(clerk, "receive-by-code");
  await clerk.goto("/srm/receive?code=DP-NOPE-1");
  await expect(clerk.locator("main").getByRole("alert")).toHaveText("未找到送货单「DP-NOPE-1」，请核对单号。");

  // The supplier ships; the QR code's address now opens the clerk's step.
  await openPortalTask(supplier, plan, "供应商发货");
  await supplier.locator("#task-shippedDate").fill(shanghaiDay(0));
  await supplier.locator("#task-waybillNo").fill(`SF-NOTE-${Date.now().toString().slice(-6)}`);
  await fillNoticeLots(supplier, [[["LOT-NA", "40"], ["LOT-NB", "20"]]]);
  await supplier.getByTestId("task-complete").click();
  await expect(supplier.getByTestId("task-done")).toBeVisible();
  // The note now prints the lots the notice gave.
  await expect(async () => {
    const again = new PDFParse({ data: new Uint8Array(await (await supplier.request.get(href)).body()) });
    const lots = (await again.getText()).text;
    await again.destroy();
    expect(lots).toContain("LOT-NA：40");
    expect(lots).toContain("LOT-NB：20");
  }).toPass({ timeout: 60_000 });
  await expect(async () => {
    await clerk.goto(`/srm/receive?code=${encodeURIComponent(`http://localhost/srm/receive?code=${plan}`)}`);
    await expect(clerk).toHaveURL(/\/inbox\/[0-9a-f-]{36}$/, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(clerk.getByTestId("task-title")).toBeVisible();
  await expect(clerk.locator("main")).toContainText(plan);
});
