import { expect, test, type Page } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-10 on a phone (390 px): a rep finds a customer by pinyin initials, calls from the
// list or the customer page, opens the address on the map, and logs a visit in a few
// taps with a photo from the camera and the position the browser gives.

const PHONE = { width: 390, height: 844 };
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const shoot = (page: Page, name: string) => shootReadable(page, name, /CU\d{6}|\d{3,4}-\d{4}(?: \d{4})?|[A-C]\b/g);

test("at phone width a rep finds a customer by initials, sees call and map links and logs a visit with a photo and the position", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, locale: "zh-CN", timezoneId: "Asia/Shanghai", geolocation: { latitude: 22.8213, longitude: 114.1502, accuracy: 25 }, permissions: ["geolocation"] });
  const page = await context.newPage();
  await signInEmployee(page, "majun");
  await page.goto("/crm/customers");
  await page.getByTestId("customer-search").fill("cyjm");
  await page.getByTestId("customer-search").press("Enter");
  const rows = page.getByTestId("customer-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-name", "东莞市长盈精密技术有限公司");
  await expect(rows.first().getByTestId("customer-phone")).toHaveAttribute("href", "tel:076982779999");
  await shoot(page, "crm-phone-search");
  await rows.first().getByTestId("customer-link").click();
  await expect(page.locator("h1")).toHaveText("东莞市长盈精密技术有限公司");
  await expect(page.getByTestId("customer-call")).toHaveAttribute("href", "tel:076982779999");
  await expect(page.getByTestId("customer-map")).toHaveAttribute("href", `https://uri.amap.com/search?keyword=${encodeURIComponent("广东省东莞市清溪镇银泉工业区")}`);

  // The visit: a note, a photo, save (the position is asked for on saving).
  const form = page.getByTestId("contact-log-form");
  await expect(form.getByTestId("log-kind-visit")).toHaveAttribute("aria-pressed", "true");
  await form.locator("#log-note").fill("到厂拜访何丽，看了新到的五轴机床");
  await form.getByTestId("log-photo-input").setInputFiles({ name: "现场.png", mimeType: "image/png", buffer: PNG });
  await expect(form.getByTestId("log-photo-name")).toHaveText(zh("knowledge.visit.photoChosen", { name: "现场.png" }));
  await form.getByTestId("log-submit").click();
  await expect(page.getByRole("status").filter({ hasText: zh("crm.log.saved") })).toBeVisible();
  const entry = page.getByTestId("customer-log-entry").filter({ hasText: "到厂拜访何丽" });
  await expect(entry.getByTestId("log-map")).toHaveAttribute("href", "https://uri.amap.com/marker?position=114.1502,22.8213");
  await expect(entry.getByTestId("log-map")).toContainText(zh("knowledge.visit.accuracy", { metres: 25 }));
  const thumb = entry.getByTestId("log-photo").locator("img");
  await expect(thumb).toHaveAttribute("src", /^\/api\/files\/[0-9a-f-]{36}$/);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await shoot(page, "crm-phone-visit");
  await context.close();
});
