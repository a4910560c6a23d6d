import { expect, test, type Page } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-1, CRM-2, CRM-10: the duplicate check while typing (another team's customer named
// differently is warned with its owner and the reason, and refused without a reason; one's
// own is opened instead), my customers coloured by days since the last contact, a visit
// logged at phone width with the location, and a rep of another team denied the customer,
// by its address and through the server action.

const PHONE = { width: 390, height: 844 };
const shoot = (page: Page, name: string) => shootReadable(page, name, /CU\d{6}|\d{4}-\d{4}|\d{3,4}-\d{7,8}|[A-C]\b/g);

test("a near-duplicate name is warned and opened instead; another team's is refused without a reason", async ({ browser }) => {
  // majun (华南销售组) types another way of writing sunli's customer.
  const majun = await employeePage(browser, "majun");
  await majun.goto("/crm/customers/new");
  await majun.locator("#cu-name").fill("恒力精工（苏州）");
  const dup = majun.getByTestId("customer-duplicate").filter({ hasText: "苏州恒力精工机械有限公司" });
  await expect(dup).toBeVisible();
  await expect(dup).toContainText("负责人：孙丽");
  await expect(dup.getByTestId("duplicate-reason")).toHaveText(zh("crm.form.reasons.same_brand_trade"));
  await expect(dup).toContainText(zh("crm.form.notVisible"));
  await expect(dup.getByTestId("duplicate-open")).toHaveCount(0);
  await shoot(majun, "crm-new-customer-duplicate");
  await majun.getByTestId("customer-submit").click();
  await expect(majun.getByText(zh("validation.customer_duplicate"))).toBeVisible();
  await expect(majun).toHaveURL(/\/crm\/customers\/new$/);
  await majun.context().close();

  // sunli types it the long way round: her own customer opens instead.
  const sunli = await employeePage(browser, "sunli");
  await sunli.goto("/crm/customers/new");
  await sunli.locator("#cu-name").fill("江苏省苏州市恒力精工机械有限责任公司");
  const own = sunli.getByTestId("customer-duplicate").filter({ hasText: "苏州恒力精工机械有限公司" });
  await expect(own.getByTestId("duplicate-reason")).toHaveText(zh("crm.form.reasons.same_name"));
  await own.getByTestId("duplicate-open").click();
  await expect(sunli).toHaveURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  await expect(sunli.locator("h1")).toHaveText("苏州恒力精工机械有限公司");
  await sunli.context().close();
});

test("my customers are coloured by days since the last contact; a visit is logged at phone width with the location", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, locale: "zh-CN", timezoneId: "Asia/Shanghai", geolocation: { latitude: 31.2989, longitude: 120.5853 }, permissions: ["geolocation"] });
  const page = await context.newPage();
  await signInEmployee(page, "sunli");
  await page.goto("/crm");
  await expect(page.getByTestId("crm-cold")).toContainText("宁波拓普集团股份有限公司");
  await shoot(page, "crm-home");
  await page.goto("/crm/customers");
  const rows = page.getByTestId("customer-row");
  await expect(rows.first()).toHaveAttribute("data-name", "宁波拓普集团股份有限公司");
  await expect(rows.first().getByTestId("contact-days")).toHaveAttribute("data-tone", "cold");
  await shoot(page, "crm-customers");
  // Found by pinyin initials; the phone number is a link to call.
  await page.getByTestId("customer-search").fill("hlj");
  await page.getByTestId("customer-search").press("Enter");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("customer-phone")).toHaveAttribute("href", "tel:051262523300");
  await rows.first().getByTestId("customer-link").click();
  await expect(page.locator("h1")).toHaveText("苏州恒力精工机械有限公司");
  // A visit in a few taps: kind, a note, the location.
  const form = page.getByTestId("contact-log-form");
  await form.getByTestId("log-kind-visit").click();
  await form.locator("#log-note").fill("拜访采购经理，确认二季度需求");
  await form.getByTestId("log-locate").click();
  await expect(form.getByTestId("log-place")).toHaveText(zh("crm.log.locationOk"));
  await form.getByTestId("log-submit").click();
  await expect(page.getByRole("status").filter({ hasText: zh("crm.log.saved") })).toBeVisible();
  const entry = page.getByTestId("customer-log-entry").first();
  await expect(entry).toContainText("拜访采购经理，确认二季度需求");
  await expect(entry).toContainText(zh("crm.detail.located"));
  await expect(page.getByTestId("customer-profile").getByTestId("contact-days")).toHaveText(zh("crm.list.today"));
  await shoot(page, "crm-customer");
  await context.close();
});

test("a rep of another team gets the 404 page for the customer, and the server action refuses it", async ({ browser }) => {
  const sunli = await employeePage(browser, "sunli");
  await sunli.goto("/crm/customers?q=hlj");
  await sunli.getByTestId("customer-link").first().click();
  await sunli.waitForURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  const foreign = new URL(sunli.url()).pathname;
  const foreignId = foreign.split("/").pop()!;
  await sunli.context().close();

  const majun = await employeePage(browser, "majun");
  const res = await majun.goto(foreign);
  expect(res?.status()).toBe(404);
  await expect(majun.locator("h1")).toHaveText(zh("errors.notFoundPage"));
  // Through the action: majun logs a contact on his own customer, the request is sent for sunli's.
  await majun.goto("/crm/customers?q=长盈");
  await majun.getByTestId("customer-link").first().click();
  await majun.waitForURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  const ownId = new URL(majun.url()).pathname.split("/").pop()!;
  await majun.route(majun.url(), async (route) => {
    const body = route.request().postData();
    if (route.request().method() === "POST" && body?.includes(ownId)) await route.continue({ postData: body.replaceAll(ownId, foreignId) });
    else await route.continue();
  });
  const form = majun.getByTestId("contact-log-form");
  await form.locator("#log-note").fill("试图写入别人的客户");
  await form.getByTestId("log-submit").click();
  await expect(form.getByRole("alert")).toHaveText(zh("errors.not_found"));
  await majun.unroute(majun.url());
  await majun.reload();
  await expect(majun.getByTestId("customer-log-entry").filter({ hasText: "试图写入别人的客户" })).toHaveCount(0);
  await majun.context().close();
});
