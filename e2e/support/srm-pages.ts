import { expect, type Page } from "@playwright/test";

export type NewSupplier = { code: string; name: string; tax: string; term: string; contact: string };

/** Registers a supplier through the form and waits for its archive page; returns its address. */
export async function register(page: Page, s: NewSupplier) {
  await page.goto("/srm/suppliers/new");
  await page.locator("#reg-code").fill(s.code);
  await page.locator("#reg-name").fill(s.name);
  await page.locator("#reg-taxCode").selectOption(s.tax);
  await page.locator("#reg-paymentTermCode").selectOption(s.term);
  await page.locator("#reg-contactName").fill(s.contact);
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/srm\/suppliers\/[0-9a-f-]{36}$/);
  return page.url();
}

/** Opens the group task of a business key from the inbox; `name` is the step's title. */
export async function openGroupTask(page: Page, businessKey: string, name: string) {
  await page.goto(`/inbox?view=group&q=${encodeURIComponent(businessKey)}`);
  const row = page.getByTestId("task-row").filter({ hasText: businessKey }).filter({ hasText: name });
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText(name);
}
