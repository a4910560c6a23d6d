import { expect, test, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-9: heqiang (sales lead, 华南销售组) enters a customer abroad and an opportunity for it;
// from the opportunity he makes the sales contract, correcting the customer's country on
// the way: the foreign template (bilingual, Incoterms 2020) is chosen. He edits the terms
// (a second version, its diff on the page), downloads the PDF and its text has the Chinese
// and the English clauses, the seal place and the page numbers.

const CUSTOMER = "德国穆勒传动技术有限公司";
const codes = /SC\d{4}-\d{4}|OP\d{6}|CU\d{6}|v\d+|PDF|FOB|USD|EUR|CNY|Incoterms®?|Shanghai|T\/T|B\/L|\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?/g;

/** The foreign contract's English text is contract content, not an untranslated label: allowed word for word. */
async function englishOf(page: Page): Promise<RegExp> {
  const texts = (await page.locator('main [lang="en"]').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
  const mixed = (await page.getByTestId("contract-terms").locator("dd").allInnerTexts()).flatMap((s) => s.match(/[A-Za-z][A-Za-z0-9 ,.%/()'-]*[A-Za-z.]/g) ?? []);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp([...texts, ...mixed].sort((a, b) => b.length - a.length).map(escape).concat(codes.source).join("|"), "g");
}

test("a foreign contract from an opportunity: bilingual terms, a second version with its diff, the PDF in Chinese and English", async ({ browser }) => {
  test.setTimeout(180_000);
  const heqiang = await employeePage(browser, "heqiang");

  // A customer abroad and an opportunity with a line, through their own pages.
  await heqiang.goto("/crm/customers/new");
  await heqiang.locator("#cu-name").fill(CUSTOMER);
  await heqiang.locator("#cu-contactName").fill("安娜");
  await heqiang.getByTestId("customer-submit").click();
  await heqiang.waitForURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  const customerId = heqiang.url().split("/").pop()!;
  await heqiang.goto(`/crm/opportunities/new?customerId=${customerId}`);
  await heqiang.getByTestId("opportunity-name").fill("穆勒减速机壳体出口项目");
  await heqiang.getByTestId("opportunity-create").click();
  await heqiang.waitForURL(/\/crm\/opportunities\/[0-9a-f-]{36}$/);
  const toggle = heqiang.getByTestId("line-editor-toggle");
  await heqiang.getByTestId("line-add-typed").click();
  const line = toggle.getByTestId("line-edit").last();
  await line.getByTestId("line-description").fill("铝合金减速机壳体 RX-200");
  await line.getByTestId("line-quantity").fill("300");
  await line.getByTestId("line-price").fill("180");
  // The line's category asks for its technical parameters.
  for (const [name, value] of [[/^材质/, "ADC12"], [/^公差/, "0.05"], [/^图号/, "RX-200-01"]] as const) {
    const field = line.getByRole("textbox", { name });
    if (await field.count()) await field.fill(value);
  }
  await heqiang.getByTestId("lines-save").click();

  // From the opportunity: the new-contract page, the country corrected, the foreign template.
  await heqiang.getByTestId("opportunity-create-contract").click();
  await heqiang.waitForURL(/\/crm\/contracts\/new\?opportunity=/);
  await expect(heqiang.getByTestId("contract-template")).toContainText(zh("contracts.template.domestic"));
  await heqiang.getByTestId("contract-country").selectOption("DE");
  await expect(heqiang.getByText(zh("contracts.new.countryForeign"))).toBeVisible();
  await shootReadable(heqiang, "crm-contract-new", codes);
  await heqiang.getByTestId("contract-create").click();
  await heqiang.waitForURL(/\/crm\/contracts\/[0-9a-f-]{36}$/);
  const contractUrl = heqiang.url();
  await expect(heqiang.getByTestId("contract-template")).toHaveText(zh("contracts.template.foreign"));
  await expect(heqiang.getByTestId("contract-status")).toHaveText(zh("contracts.status.draft"));
  await expect(heqiang.getByTestId("contract-incoterm")).toContainText("FOB Shanghai");
  await expect(heqiang.getByTestId("contract-clause").filter({ hasText: "不可抗力" })).toContainText("Force majeure");
  await shootReadable(heqiang, "crm-contract-foreign", await englishOf(heqiang));

  // New terms: the place of delivery and a quantity change make version 2 with its diff.
  await heqiang.getByTestId("contract-edit").click();
  await heqiang.getByTestId("ed-incoterm").selectOption("CIF");
  await heqiang.getByTestId("ed-incoterm-place").fill("Hamburg 汉堡");
  await heqiang.getByTestId("ed-quantity").first().fill("320");
  await heqiang.getByTestId("ed-note").fill("客户改为到港价");
  await heqiang.getByTestId("contract-save").click();
  await expect(heqiang.getByTestId("contract-version")).toHaveCount(2);
  const diff = heqiang.getByTestId("contract-version").first().getByTestId("contract-diff");
  await expect(diff).toContainText(zh("contracts.fields.incoterm"));
  await expect(diff).toContainText("CIF");
  await expect(diff).toContainText(zh("contracts.versions.lineChanged", { line: "铝合金减速机壳体 RX-200" }));
  await expect(heqiang.getByTestId("contract-incoterm")).toContainText("CIF Hamburg");

  // The PDF: downloaded from the contract page, its text in both languages.
  const href = (await heqiang.getByTestId("contract-pdf").getAttribute("href"))!;
  const res = await heqiang.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const parser = new PDFParse({ data: new Uint8Array(await res.body()) });
  // A table cell wraps its text: compare without line breaks.
  const text = (await parser.getText()).text.replace(/\s*\n\s*/g, " ");
  await parser.destroy();
  for (const s of ["销售合同", "SALES CONTRACT", CUSTOMER, "铝合金减速机壳体", "CIF Hamburg", "Incoterms® 2020", "不可抗力", "Force majeure", "仲裁", "Arbitration", "公司盖章处", "Company seal", "第 1 页", "Page 1 of"]) expect(text).toContain(s);
  await heqiang.context().close();

  // A rep of another department does not get it: the page and the PDF are 404.
  const sunli = await employeePage(browser, "sunli");
  expect((await sunli.request.get(href)).status()).toBe(404);
  const page = await sunli.goto(contractUrl);
  expect(page?.status()).toBe(404);
  await sunli.context().close();
});
