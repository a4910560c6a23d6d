import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "../support/admin-pages";
import { signInSupplier } from "../support/auth";
import { SUPPLIERS } from "../support/demo";
import { expectReadsAsChinese, shootReadable } from "../support/layout";
import { zh } from "../support/messages";
import { fillOrderEntry, openGroupTask } from "../support/srm-pages";

/*
 * 供应商证照驱动状态：宁波华东（S002，原材料/包装材料）的营业执照已过期；管理员把营业执照设为
 * 「原材料」类别的必备证照后，S002 立即被冻结，采购员在供应商列表和档案里看到原因，为它录入订单被拒；
 * supplier2 在门户上传续期的营业执照，质量部在待办里审核通过，S002 解除冻结。
 * S002 而非 S001：其他旅程同时为 S001 录入订单，冻结它会打断它们；S002 没有旅程为它下单。
 * 放在 exclusive：冻结期间其他旅程看到的供应商列表会不同。
 */

const day = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const stamp = Date.now().toString(36).toUpperCase();
/** Codes, numbers and file names the pages show as they are. */
const shoot = (page: Page, name: string) => shootReadable(page, name, /BL-[A-Z0-9-]+|S\d{3}|PDF|MB|ISO \d+|IATF \d+|\d{4}-\d{2}-\d{2}|[\w-]+\.pdf|[\w.]+@[\w.]+|supplier\d|Office|ERP|VAT\d+|NET\d+|P-\d{4}|SF-[A-Z0-9]+-\d+|LOT-[A-Z0-9-]+|E2E [^\n·]*|e2e\.[\w.]+|pa\.[a-z0-9]+|(?<=门户(?:联系人|新人))[a-z0-9]+/g);
/**
 * The set-up page also shows the types' and categories' codes (BL, ISO9001, RAW, ...). Its admin
 * tabs scroll sideways on a phone by design, so the page is shot without the no-sideways check.
 */
async function shootSetup(page: Page, name: string) {
  await expectReadsAsChinese(page, /ISO \d+|IATF \d+|\b[A-Z][A-Z0-9]{1,15}\b/g);
  for (const [size, suffix] of [[{ width: 1280, height: 800 }, "desktop"], [{ width: 390, height: 844 }, "phone"]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(process.cwd(), "test-results", "screenshots", `${name}-${suffix}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** supplier2 hands in a business licence in the portal. */
async function handIn(page: Page, number: string, validFrom: string, validUntil: string) {
  await page.goto("/portal/documents");
  const form = page.getByTestId("document-upload");
  await form.locator("#doc-type").selectOption({ label: "营业执照" });
  await form.locator("#doc-number").fill(number);
  await form.locator("#doc-from").fill(validFrom);
  await form.locator("#doc-until").fill(validUntil);
  await form.getByTestId("document-file").setInputFiles({ name: `${number}.pdf`, mimeType: "application/pdf", buffer: PDF });
  await form.getByTestId("document-submit").click();
  await expect(form.getByText(zh("certificates.portal.submitted"))).toBeVisible();
  await expect(page.getByTestId("supplier-document-row").filter({ hasText: number })).toHaveAttribute("data-status", "pending");
}

/** A quality inspector approves the document's review in the inbox, reading type, number and validity in words. */
async function approve(page: Page, number: string, screenshot?: string) {
  await openGroupTask(page, number, "质量部审核供应商证照");
  await expect(page.getByTestId("context-documentType")).toContainText("营业执照");
  await expect(page.getByTestId("context-documentNumber")).toContainText(number);
  await expect(page.getByTestId("context-fileName")).toContainText(`${number}.pdf`);
  await expect(page.getByRole("link", { name: `${number}.pdf` }).first()).toBeVisible();
  if (screenshot) await shoot(page, screenshot);
  await page.getByRole("radio", { name: "同意" }).check();
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toBeVisible();
}

test("证照驱动供应商状态：必备证照过期即冻结、拒绝下单，续期审核通过后解除", async ({ browser }) => {
  test.setTimeout(300_000);
  const oldNo = `BL-${stamp}-OLD`;
  const newNo = `BL-${stamp}-NEW`;
  const expiredOn = day(-5);

  // S002's licence on file expired five days ago (handed in and approved as it is).
  const supplier = await browser.newPage();
  await signInSupplier(supplier, "supplier2");
  await handIn(supplier, oldNo, day(-370), expiredOn);
  const quality = await employeePage(browser, "chenjing");
  await approve(quality, oldNo);

  // The administrator makes the licence mandatory for raw-material suppliers.
  const admin = await employeePage(browser, "admin");
  await admin.goto("/admin");
  await admin.getByTestId("admin-sections").getByRole("link", { name: new RegExp(`^${zh("admin.cards.certificateTypes.title")}`) }).click();
  await expect(admin.locator("h1")).toHaveText(zh("certificates.admin.title"));
  const cell = admin.getByRole("checkbox", { name: zh("certificates.admin.requiredFor", { category: "原材料", type: "营业执照" }) });
  await expect(cell).not.toBeChecked();
  await cell.check();
  await expect(cell).toBeChecked();
  await admin.reload();
  await expect(admin.getByRole("checkbox", { name: zh("certificates.admin.requiredFor", { category: "原材料", type: "营业执照" }) })).toBeChecked();
  await shootSetup(admin, "certificate-types");

  // The buyer sees S002 blocked, with the reason, in the list and in its archive.
  const reason = `营业执照已于 ${expiredOn} 过期`;
  const buyer = await employeePage(browser, "lina");
  await buyer.goto("/srm?tab=suppliers");
  const row = buyer.locator('[data-testid="supplier-row"][data-code="S002"]');
  await expect(row.getByTestId("blocked-line")).toContainText(reason);
  await row.getByRole("link", { name: new RegExp(SUPPLIERS.supplier2.company) }).click();
  await expect(buyer.getByTestId("supplier-blocked")).toContainText(reason);
  const certs = buyer.getByTestId("archive-certificates");
  await expect(certs.getByTestId("supplier-category")).toHaveText(["原材料", "包装材料"]);
  const old = certs.getByTestId("supplier-document-row").filter({ hasText: oldNo });
  await expect(old.getByTestId("days-left")).toHaveText("已过期 5 天");
  await shoot(buyer, "supplier-archive-blocked");

  // An order entered for it is refused with the reason.
  await buyer.goto("/srm/orders/new");
  await fillOrderEntry(buyer, `S002 · ${SUPPLIERS.supplier2.company}`, [{ product: "P-2001", quantity: "200", price: "3.5" }], day(10));
  await buyer.getByTestId("order-entry-submit").click();
  await expect(buyer.getByTestId("order-entry-form")).toContainText(reason);
  await expect(buyer).toHaveURL(/\/srm\/orders\/new$/);

  // supplier2 sees the block and the expired licence, and hands in the renewal.
  await supplier.goto("/portal");
  await expect(supplier.getByTestId("portal-home-expiring").getByTestId("portal-expiring-row").filter({ hasText: oldNo })).toContainText("已过期 5 天");
  await shoot(supplier, "portal-home-expiring");
  await supplier.goto("/portal/documents");
  await expect(supplier.getByTestId("supplier-blocked")).toContainText(reason);
  await handIn(supplier, newNo, day(-1), day(720));
  await shoot(supplier, "portal-documents");

  // supplier1 sees nothing of S002's documents.
  const other = await browser.newPage();
  await signInSupplier(other, "supplier1");
  await other.goto("/portal/documents");
  await expect(other.locator("main")).not.toContainText(stamp);
  await other.close();

  // Quality approves the renewal in the inbox; S002 is unblocked, the old licence superseded.
  const inspector = await employeePage(browser, "yangfan");
  await approve(inspector, newNo, "certificate-review-task");
  await expect(async () => {
    await buyer.goto("/srm?tab=suppliers");
    await expect(buyer.locator('[data-testid="supplier-row"][data-code="S002"]').getByTestId("blocked-line")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await buyer.locator('[data-testid="supplier-row"][data-code="S002"]').getByRole("link", { name: new RegExp(SUPPLIERS.supplier2.company) }).click();
  await expect(buyer.getByTestId("supplier-blocked")).toHaveCount(0);
  await expect(buyer.getByTestId("supplier-document-row").filter({ hasText: newNo })).toHaveAttribute("data-status", "valid");
  await expect(buyer.getByTestId("supplier-document-row").filter({ hasText: oldNo })).toHaveAttribute("data-status", "superseded");
  await shoot(buyer, "supplier-archive-certificates");

  // Back as it was for later journeys: the licence no longer mandatory for raw materials.
  await admin.goto("/admin/certificate-types");
  await admin.getByRole("checkbox", { name: zh("certificates.admin.requiredFor", { category: "原材料", type: "营业执照" }) }).uncheck();
  await expect(admin.getByRole("checkbox", { name: zh("certificates.admin.requiredFor", { category: "原材料", type: "营业执照" }) })).not.toBeChecked();
});
