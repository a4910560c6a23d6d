import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-2: a rep filters "my customers", saves the filter as a view and applies it again from
// a plain list; on a customer she adds a second address (a shipping one) with its map link.
// gaoyan's A-level 重点客户 is 杭州海康威视 only (the import journey gives her a C-level one).

const shoot = (page: Page, name: string) => shootReadable(page, name, /CU\d{6}|\d{4}-\d{4}|\d{3,4}-\d{7,8}|[A-C]\b|\d{6}/g);

test("a saved view of the customer list is applied again; a second address is added with its map link", async ({ browser }) => {
  const page = await employeePage(browser, "gaoyan");
  await page.goto("/crm/customers");
  await expect(page.getByTestId("saved-views")).toContainText(zh("views.none"));
  await page.getByTestId("filter-level").selectOption("A");
  await page.getByTestId("filter-tag").fill("重点客户");
  await page.getByRole("button", { name: zh("crm.list.searchSubmit") }).click();
  await expect(page).toHaveURL(/level=A/);
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await expect(page.getByTestId("customer-row")).toHaveAttribute("data-name", "杭州海康威视数字技术股份有限公司");

  // Saved under a name (the same name again replaces that view).
  await page.getByTestId("saved-view-name").fill("A级重点");
  await page.getByTestId("saved-view-save").click();
  const chip = page.getByTestId("saved-view").filter({ hasText: "A级重点" });
  await expect(chip).toBeVisible();
  await expect(page.getByTestId("saved-view-name")).toHaveValue("");
  await expect(chip.getByRole("link")).toHaveAttribute("href", /level=A/);
  await shoot(page, "crm-customers-views");

  // From the plain list the view brings the filter back.
  await page.goto("/crm/customers");
  await expect(page.getByTestId("customer-row").nth(1)).toBeVisible();
  await page.getByTestId("saved-view").filter({ hasText: "A级重点" }).getByRole("link").click();
  await expect(page).toHaveURL(/level=A/);
  await expect(page.getByTestId("filter-level")).toHaveValue("A");
  await expect(page.getByTestId("filter-tag")).toHaveValue("重点客户");
  await expect(page.getByTestId("customer-row")).toHaveCount(1);

  // A second address on the customer: shipping, with its own contact, and a map link.
  await page.getByTestId("customer-link").first().click();
  const addresses = page.getByTestId("customer-addresses");
  await expect(addresses).toContainText(zh("crm.addresses.none"));
  for (const a of [
    { province: "浙江省", city: "杭州市", street: "滨江区阡陌路 555 号", kind: "office" },
    { province: "浙江省", city: "杭州市", street: "余杭区仓前街道 8 号 2 号门", kind: "shipping", contactName: "仓库 周师傅", postalCode: "311121" },
  ]) {
    await addresses.getByTestId("address-add").click();
    const form = addresses.getByTestId("address-form");
    await form.getByLabel(zh("crm.addresses.kind")).selectOption(a.kind);
    await form.getByLabel(zh("crm.addresses.province")).fill(a.province);
    await form.getByLabel(zh("crm.addresses.city")).fill(a.city);
    await form.getByLabel(zh("crm.addresses.street")).fill(a.street);
    if (a.contactName) await form.getByLabel(zh("crm.addresses.contactName")).fill(a.contactName);
    if (a.postalCode) await form.getByLabel(zh("crm.addresses.postalCode")).fill(a.postalCode);
    await form.getByTestId("address-save").click();
    await expect(addresses.locator(`[data-testid="address-entry"][data-street="${a.street}"]`)).toBeVisible();
  }
  await expect(addresses.getByTestId("address-entry")).toHaveCount(2);
  const shipping = addresses.locator('[data-testid="address-entry"][data-street="余杭区仓前街道 8 号 2 号门"]');
  await expect(shipping).toContainText(zh("crm.addresses.kinds.shipping"));
  await expect(shipping.getByTestId("address-map")).toHaveAttribute("href", `https://uri.amap.com/search?keyword=${encodeURIComponent("浙江省 杭州市 余杭区仓前街道 8 号 2 号门")}`);
  // The first one is the primary address, shown on the profile.
  await expect(page.getByTestId("customer-profile")).toContainText("浙江省 杭州市 滨江区阡陌路 555 号");
  await shoot(page, "crm-customer-addresses");
  await page.context().close();
});
