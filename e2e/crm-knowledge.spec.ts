import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-0: the sales lead writes a knowledge article (markdown-lite, no HTML) and attaches
// a price list; a rep finds it by a two-character Chinese term, with the term marked,
// opens it and downloads the attachment, and may not write articles.

const PHONE = { width: 390, height: 844 };
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
// The seeded articles name certifications and documents by their codes.
const shoot = (page: Page, name: string) => shootReadable(page, name, /IATF|PPAP|ISO|Ra0\.4|\.pdf|Office/g);
const TITLE = "华南区域运费与包邮规定";

test("a sales lead writes an article with an attachment; a rep searches a Chinese term and opens it", async ({ browser }) => {
  const lead = await employeePage(browser, "zhoujie");
  await lead.goto("/crm");
  await lead.getByTestId("crm-knowledge").click();
  await expect(lead.locator("h1")).toHaveText(zh("knowledge.list.title"));
  await expect(lead.getByTestId("knowledge-categories")).toContainText("价格与折扣");
  await shoot(lead, "crm-knowledge-list");
  await lead.getByTestId("knowledge-new").click();
  const form = lead.getByTestId("article-form");
  await form.getByTestId("article-submit").click();
  await expect(form.getByText(zh("validation.too_small"))).toBeVisible();
  await form.locator("#ka-title").fill(TITLE);
  await form.locator("#ka-category").selectOption({ label: "价格与折扣" });
  await form.locator("#ka-body").fill("华南区域客户的运费按以下规定执行。\n\n## 包邮条件\n- 广东省内单笔订单满 5 万元包邮\n- 其他省份按实际运费报价\n\n**注意**：<b>急件</b>空运费用由客户承担。");
  await form.getByTestId("article-submit").click();
  await lead.waitForURL(/\/crm\/knowledge\/[0-9a-f-]{36}$/);
  const body = lead.getByTestId("article-body");
  await expect(body.locator("h2")).toHaveText("包邮条件");
  await expect(body.locator("li")).toHaveCount(2);
  await expect(body.locator("strong")).toHaveText("注意");
  // Typed markup stays text.
  await expect(body).toContainText("<b>急件</b>");
  await expect(body.locator("b")).toHaveCount(0);
  await lead.getByTestId("article-files").getByTestId("file-input").setInputFiles({ name: "华南运费表.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(lead.getByTestId("files").getByTestId("file")).toContainText("华南运费表.pdf");
  await shoot(lead, "crm-knowledge-article-lead");
  await lead.context().close();

  const rep = await employeePage(browser, "sunli", PHONE);
  await rep.goto("/crm/knowledge");
  await rep.getByTestId("knowledge-search").fill("包邮");
  await rep.getByTestId("knowledge-search").press("Enter");
  await rep.waitForURL(/q=/);
  const hit = rep.getByTestId("knowledge-results").locator("li").filter({ hasText: TITLE });
  await expect(hit.locator("mark").first()).toHaveText("包邮");
  await shoot(rep, "crm-knowledge-search");
  await hit.getByTestId("knowledge-article-link").click();
  await expect(rep.locator("h1")).toHaveText(TITLE);
  await expect(rep.getByTestId("article-edit")).toHaveCount(0);
  await expect(rep.getByTestId("file-input")).toHaveCount(0);
  const download = rep.getByTestId("files").getByRole("link", { name: "华南运费表.pdf", exact: true });
  await expect(download).toHaveAttribute("href", /^\/api\/files\/[0-9a-f-]{36}$/);
  expect((await rep.request.get((await download.getAttribute("href"))!)).status()).toBe(200);
  await shoot(rep, "crm-knowledge-article-rep");
  // Writing is for sales leads: the page refuses the rep.
  await rep.goto("/crm/knowledge/new");
  await expect(rep.getByTestId("forbidden")).toHaveText(zh("errors.forbiddenPage"));
  await rep.context().close();
});
